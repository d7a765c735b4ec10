package cn.studyflow.assessment;

import cn.studyflow.org.Org;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The draft of a bulletin written from the figures of the subtree for its period, in the issuer's language: the
 * whole (sessions held against planned, attendance, make-ups, materials, audits, credits when a feature counts
 * them), each organisation's line, who did well and who lags. Headings are numbered lines, which the .docx turns
 * into headings.
 */
@Component
@RequiredArgsConstructor
class BulletinDrafts {

    /** A score from which an organisation is named among those who did well, and below which it lags. */
    static final double WELL = 85;
    static final double LAGS = 60;
    /** An indicator below this share is named as where an organisation lags. */
    static final double WEAK = 0.6;
    private static final int MOST_NAMED = 5;

    private final AssessmentScores scores;
    private final MessageSource messages;

    record Draft(String title, String body) {
    }

    Draft write(Org top, List<Org> orgs, int year, Integer quarter, OffsetDateTime now, Locale locale) {
        List<Scorecard> cards = scores.ranked(orgs, top.getPath(), year, quarter, now);
        String period = quarter == null ? msg(locale, "bulletin.period.year", String.valueOf(year))
            : msg(locale, "bulletin.period.quarter", String.valueOf(year), quarter);
        StringBuilder body = new StringBuilder();
        body.append(msg(locale, "bulletin.draft.overallHeading")).append('\n');
        body.append(msg(locale, "bulletin.draft.overall", period, top.getName(), orgs.size()));
        // Chinese sentences follow each other without a space, English ones with one
        String gap = locale.getLanguage().equals("zh") ? "" : " ";
        for (Indicator i : Indicator.values()) {
            body.append(gap).append(summary(locale, i, cards));
        }
        body.append("\n\n").append(msg(locale, "bulletin.draft.orgsHeading")).append('\n');
        for (Scorecard c : cards) {
            body.append(line(locale, c)).append('\n');
        }
        body.append('\n').append(msg(locale, "bulletin.draft.wellHeading")).append('\n');
        List<Scorecard> well = cards.stream().filter(c -> c.score() != null && c.score() >= WELL).limit(MOST_NAMED).toList();
        body.append(well.isEmpty() ? msg(locale, "bulletin.draft.none") : well.stream()
            .map(c -> msg(locale, "bulletin.draft.wellLine", c.org().getName(), points(c.score())))
            .collect(Collectors.joining("\n"))).append("\n\n");
        body.append(msg(locale, "bulletin.draft.lagsHeading")).append('\n');
        List<Scorecard> lags = cards.stream().filter(c -> c.score() != null && c.score() < LAGS).toList();
        body.append(lags.isEmpty() ? msg(locale, "bulletin.draft.none") : lags.stream()
            .map(c -> msg(locale, "bulletin.draft.lagsLine", c.org().getName(), points(c.score()), weak(locale, c)))
            .collect(Collectors.joining("\n")));
        String title = msg(locale, "bulletin.draft.title", top.getName(), period);
        return new Draft(title, body.toString());
    }

    /** The subtree's whole for one indicator: summed achieved against summed expected. */
    private String summary(Locale locale, Indicator i, List<Scorecard> cards) {
        if (cards.isEmpty() || !cards.get(0).part(i).available()) {
            return msg(locale, "bulletin.draft.notAvailable." + i);
        }
        long achieved = cards.stream().mapToLong(c -> c.part(i).achieved()).sum();
        long expected = cards.stream().mapToLong(c -> c.part(i).expected()).sum();
        if (expected == 0) {
            return msg(locale, "bulletin.draft.nothing." + i);
        }
        return msg(locale, "bulletin.draft.sum." + i, achieved, expected, share(i, (double) achieved / expected));
    }

    private String line(Locale locale, Scorecard c) {
        String parts = c.parts().stream().filter(Scorecard.Part::counted)
            .map(p -> msg(locale, "assessment.indicator." + p.indicator()) + " " + share(p.indicator(), p.value()))
            .collect(Collectors.joining(msg(locale, "fmt.listSep")));
        if (c.score() == null) {
            return msg(locale, "bulletin.draft.orgNothing", c.org().getName());
        }
        return msg(locale, "bulletin.draft.orgLine", c.org().getName(), points(c.score()), parts);
    }

    private String weak(Locale locale, Scorecard c) {
        String weak = c.parts().stream().filter(p -> p.counted() && p.value() < WEAK)
            .map(p -> msg(locale, "assessment.indicator." + p.indicator()) + " " + share(p.indicator(), p.value()))
            .collect(Collectors.joining(msg(locale, "fmt.listSep")));
        return weak.isEmpty() ? msg(locale, "bulletin.draft.noWeak") : weak;
    }

    /** A share as people read it: audit scores as points of 5, the rest as a percentage. */
    static String share(Indicator i, double value) {
        return i == Indicator.AUDIT_SCORE ? String.format(Locale.ROOT, "%.1f/5", value * 5)
            : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    static String points(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
