package cn.studyflow.credits;

import cn.studyflow.upload.WordDocument;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A person's record of a year as a Word document, section by section as its page shows it. */
@Component
@RequiredArgsConstructor
class CreditWord {

    private final MessageSource messages;

    ResponseEntity<Resource> download(PersonalRecord.View r, Locale locale) {
        WordDocument doc = new WordDocument(messages, locale);
        doc.title(doc.msg("credits.record.title", r.name(), r.year()))
            .fact("print.organisation", r.orgName())
            .fact("print.year", doc.msg("print.yearValue", r.year()))
            .fact("org.rank", doc.msg("org.rank." + r.cadreRank()))
            .fact("credits.earned", r.total().toPlainString());
        if (r.standing() != null) {
            doc.fact("credits.target", r.standing().target().toPlainString())
                .fact("credits.shortBy", r.standing().shortBy().toPlainString());
        }
        facts(doc, "credits.record.sessions", r.sessions());
        facts(doc, "credits.record.led", r.led());
        facts(doc, "credits.record.materials", r.materials());
        facts(doc, "credits.record.makeups", r.makeups());
        doc.heading(doc.msg("credits.record.lines"));
        doc.table(List.of(doc.msg("credits.col.day"), doc.msg("credits.col.kind"), doc.msg("credits.col.title"),
            doc.msg("credits.col.detail"), doc.msg("credits.col.credits")), r.lines().stream()
            .map(l -> List.of(l.getFactDay().toString(), doc.msg("credits.kind." + l.getKind()), l.getTitle(),
                doc.msg(l.detailKey()), l.getCredits().toPlainString()))
            .toList());
        return doc.response(doc.msg("credits.record.title", r.name(), r.year()),
            "credits-" + r.personId() + "-" + r.year());
    }

    private static void facts(WordDocument doc, String heading, List<CreditFact> facts) {
        doc.heading(doc.msg(heading));
        Function<CreditFact, List<String>> row = f -> List.of(f.day().toString(), f.title(), doc.msg(f.detailKey()));
        doc.table(List.of(doc.msg("credits.col.day"), doc.msg("credits.col.title"), doc.msg("credits.col.detail")),
            facts.stream().map(row).toList());
    }
}
