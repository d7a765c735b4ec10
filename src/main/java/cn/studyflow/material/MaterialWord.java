package cn.studyflow.material;

import cn.studyflow.common.Dates;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.upload.WordDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A material's review record as a Word document: its facts, then every review of every version with the
 * reviewer, the decision, each check of the checklist and the comment, as the material page shows them.
 */
@Component
@RequiredArgsConstructor
class MaterialWord {

    private final MaterialService materials;
    private final OrgService orgs;
    private final MessageSource messages;
    private final Dates dates;

    /** The record of a material the user may see (404 otherwise), in the user's language. */
    ResponseEntity<Resource> download(long id, CurrentUser user, Locale locale) {
        Material m = materials.get(id, user);
        WordDocument doc = new WordDocument(messages, locale);
        doc.title(doc.msg("material.print.title", m.getTitle()))
            .fact("print.organisation", orgs.get(m.getOrgId()).getName())
            .fact("print.year", m.getSessionYear() == null ? "" : doc.msg("print.yearValue", m.getSessionYear()))
            .fact("material.session", m.getSessionYear() == null ? m.getSessionTitle()
                : doc.msg("material.sessionValue", m.getSessionYear(), m.getSessionMonth(), m.getSessionTitle()))
            .fact("material.kind", doc.msg("material.kind." + m.getKind()))
            .fact("material.author", m.getAuthorName())
            .fact("material.status", doc.msg("material.status." + m.getStatus()))
            .fact("material.currentVersion", doc.msg("material.versionNo", m.getCurrentVersion()));
        if (m.getSummary() != null) {
            doc.fact("material.summary", m.getSummary());
        }
        doc.heading(doc.msg("material.versions"));
        doc.table(List.of(doc.msg("material.col.version"), doc.msg("material.col.file"),
            doc.msg("material.print.step"), doc.msg("material.print.reviewer"), doc.msg("material.print.decision"),
            doc.msg("material.print.checks"), doc.msg("material.print.comment")), rows(doc, materials.versions(m)));
        return doc.response(doc.msg("material.print.title", m.getTitle()), "material-" + m.getId() + "-reviews");
    }

    /** A row a review; a version without reviews still gets a row, so that every version is on paper. */
    private List<List<String>> rows(WordDocument doc, List<MaterialVersion> versions) {
        List<List<String>> rows = new ArrayList<>();
        for (MaterialVersion v : versions) {
            String version = doc.msg("material.versionNo", v.getVersionNo());
            String file = v.getOriginalName() + "\n" + doc.msg("material.col.uploaded") + " "
                + dates.format(v.getUploadedAt())
                + (v.getNote() == null ? "" : "\n" + doc.msg("material.versionNote", v.getNote()));
            if (v.getReviews().isEmpty()) {
                rows.add(List.of(version, file, "", "", doc.msg("material.noReviews"), "", ""));
            }
            for (MaterialReview r : v.getReviews()) {
                String step = messages.getMessage("step." + r.getStep(), null, r.getStep(), doc.locale());
                rows.add(List.of(version, file, step, r.getReviewerName() + "\n" + dates.format(r.getCreatedAt()),
                    doc.msg("action." + r.getDecision()), checks(doc, r), r.getComment() == null ? "" : r.getComment()));
            }
        }
        return rows;
    }

    private static String checks(WordDocument doc, MaterialReview r) {
        List<String> lines = new ArrayList<>();
        if (Boolean.TRUE.equals(r.getNotClassified())) {
            lines.add(doc.msg("material.review.notClassified"));
        }
        lines.addAll(r.getChecks().stream().map(c -> doc.msg("print.label", doc.msg("material.check." + c.getItem()))
                + (c.isPassed() ? doc.msg("material.check.pass") : doc.msg("material.check.fail"))
                + (c.getNote() == null ? "" : " (" + c.getNote() + ")"))
            .collect(Collectors.toList()));
        return String.join("\n", lines);
    }
}
