package cn.studyflow.admin;

import cn.studyflow.org.CadreRank;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Cadre ranks as files give them: the enum's name in any case, or the rank's label in Chinese or English
 * (处级及以上, 科级, 其他), as the bundles spell them ({@code org.rank.*}).
 */
@Component
class CadreRanks extends EnumLabels<CadreRank> {

    CadreRanks(MessageSource messages) {
        super(CadreRank.class, "org.rank.", messages);
    }
}
