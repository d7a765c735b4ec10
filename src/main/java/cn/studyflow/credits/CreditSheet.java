package cn.studyflow.credits;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The columns of a standings table, as the .xlsx export and the archive of a year both write them. */
final class CreditSheet {

    private static final List<String> HEADS = List.of("credits.col.org", "credits.col.name", "org.rank",
        "credits.earned", "credits.target", "credits.shortBy", "credits.retraining");

    private CreditSheet() {
    }

    static List<String> heads(MessageSource messages, Locale locale) {
        return HEADS.stream().map(k -> messages.getMessage(k, null, locale)).toList();
    }

    /** One person's row: organisation, name, rank, earned, target, short by, 调训 (是 or empty). */
    static Object[] cells(CreditStanding r, MessageSource messages, Locale locale) {
        return new Object[] {r.orgName(), r.name(), messages.getMessage("org.rank." + r.cadreRank(), null, locale),
            r.earned(), r.target(), r.shortBy(), r.retraining() ? messages.getMessage("credits.yes", null, locale) : ""};
    }
}
