package cn.studyflow.admin;

import cn.studyflow.org.CadreRank;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Cadre ranks as files give them: the enum's name in any case, or the rank's label in Chinese or English
 * (处级及以上, 科级, 其他), as the bundles spell them ({@code org.rank.*}).
 */
@Component
class CadreRanks {

    private final Map<String, CadreRank> byName = new HashMap<>();
    private final MessageSource messages;

    CadreRanks(MessageSource messages) {
        this.messages = messages;
        for (CadreRank rank : CadreRank.values()) {
            byName.put(key(rank.name()), rank);
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                String label = messages.getMessage("org.rank." + rank.name(), null, null, locale);
                if (label != null) {
                    byName.putIfAbsent(key(label), rank);
                }
            }
        }
    }

    Optional<CadreRank> find(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** The Chinese label of a rank, as the export writes it. */
    String chinese(CadreRank rank) {
        return messages.getMessage("org.rank." + rank.name(), null, rank.name(), Locale.SIMPLIFIED_CHINESE);
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
