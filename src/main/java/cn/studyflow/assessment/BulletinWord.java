package cn.studyflow.assessment;

import cn.studyflow.common.Dates;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.upload.WordDocument;
import java.util.Locale;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A bulletin as a Word document: its title, issuer, period and publication, then its text, where a numbered line
 * ("一、总体情况", "1. Overview") becomes a heading and every other line a paragraph.
 */
@Component
@RequiredArgsConstructor
class BulletinWord {

    static final Pattern HEADING = Pattern.compile("^([一二三四五六七八九十]+、|\\d+\\. ).{1,60}$");

    private final BulletinService bulletins;
    private final MessageSource messages;
    private final Dates dates;

    /** The bulletin if the user may read it (404 otherwise), in the user's language. */
    ResponseEntity<Resource> download(long id, CurrentUser user, Locale locale) {
        Bulletin b = bulletins.get(user, id).bulletin();
        WordDocument doc = new WordDocument(messages, locale);
        doc.title(b.getTitle())
            .fact("bulletin.issuer", b.getOrgName())
            .fact("bulletin.period", b.getQuarter() == null ? doc.msg("bulletin.period.year", String.valueOf(b.getBulletinYear()))
                : doc.msg("bulletin.period.quarter", String.valueOf(b.getBulletinYear()), b.getQuarter()))
            .fact("bulletin.status", doc.msg("bulletin.status." + b.getStatus()));
        if (b.isPublished()) {
            doc.fact("bulletin.published", b.getPublishedByName() + " " + dates.format(b.getPublishedAt()));
        }
        for (String line : b.getBody().split("\n")) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (HEADING.matcher(text).matches()) {
                doc.heading(text);
            } else {
                doc.paragraph(text);
            }
        }
        return doc.response(b.getTitle(), "bulletin-" + b.getId());
    }
}
