package cn.studyflow.audit;

import cn.studyflow.common.Dates;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.upload.WordDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * An audit's record as a Word document for the paper file and the superior: the audit's facts, each auditor's
 * record (attendance, scores, checklist, findings, on-site comment) and the rectification reports.
 */
@Component
@RequiredArgsConstructor
class AuditWord {

    private final AuditService audits;
    private final MessageSource messages;
    private final Dates dates;

    /** The record of an audit the user may see (404 otherwise), in the user's language. */
    ResponseEntity<Resource> download(long id, CurrentUser user, Locale locale) {
        Audit audit = audits.get(id, user);
        WordDocument doc = document(audit, audits.records(audit), audits.rectifications(audit), locale);
        return doc.response(doc.msg("audit.print.title", audit.getTitle()), "audit-" + audit.getId() + "-record");
    }

    /** The record as a document from what was read of it, for the download and for the archive of its year. */
    WordDocument document(Audit audit, List<AuditRecord> records, List<Rectification> rectifications, Locale locale) {
        WordDocument doc = new WordDocument(messages, locale);
        doc.title(doc.msg("audit.print.title", audit.getTitle()))
            .fact("print.organisation", audit.getOrgName())
            .fact("print.year", doc.msg("print.yearValue", audit.getAuditYear()))
            .fact("audit.dept", audit.getDeptOrgName())
            .fact("audit.session", audit.getSessionTitle())
            .fact("audit.sessionDate", String.valueOf(audit.getSessionDate()))
            .fact("audit.mode", doc.msg("audit.mode." + audit.getAuditMode()))
            .fact("audit.status", doc.msg("audit.status." + audit.getStatus()));
        if (audit.getVerdict() != null) {
            doc.fact("audit.verdict", doc.msg("audit.verdict." + audit.getVerdict()));
        }
        if (audit.getRectificationDeadline() != null) {
            doc.fact("audit.rectificationDeadline", String.valueOf(audit.getRectificationDeadline()));
        }
        doc.heading(doc.msg("audit.records"));
        if (records.isEmpty()) {
            doc.paragraph(doc.msg("audit.noRecords"));
        }
        for (AuditRecord r : records) {
            record(doc, r);
        }
        if (!rectifications.isEmpty()) {
            doc.heading(doc.msg("audit.rectifications"));
            for (Rectification r : rectifications) {
                rectification(doc, r);
            }
        }
        return doc;
    }

    private void record(WordDocument doc, AuditRecord r) {
        doc.paragraph(doc.msg("audit.print.recordBy", r.getAuditorName(), dates.format(r.getCreatedAt()),
            doc.msg("audit.verdict." + r.getVerdict())));
        doc.table(List.of(doc.msg("audit.record.attendance"), doc.msg("audit.record.scorePreparation"),
                doc.msg("audit.record.scoreDiscussion"), doc.msg("audit.record.scoreDiscipline"),
                doc.msg("audit.record.scoreApplication")),
            List.of(List.of(r.getExpectedAttendance() + " / " + r.getActualAttendance(),
                String.valueOf(r.getScorePreparation()), String.valueOf(r.getScoreDiscussion()),
                String.valueOf(r.getScoreDiscipline()), String.valueOf(r.getScoreApplication()))));
        List<List<String>> points = new ArrayList<>();
        for (AuditRecord.RecordPoint pt : r.getPoints()) {
            String point = messages.getMessage("audit.point." + pt.getPointCode(), null, pt.getPointCode(), doc.locale());
            points.add(List.of(point, doc.msg(pt.isChecked() ? "audit.print.met" : "audit.print.unmet")));
        }
        if (!points.isEmpty()) {
            doc.table(List.of(doc.msg("audit.print.point"), doc.msg("audit.print.pointMet")), points);
        }
        doc.fact("audit.record.findings", r.getFindings());
        if (r.getOnSiteComment() != null) {
            doc.fact("audit.record.onSiteComment", r.getOnSiteComment());
        }
    }

    private void rectification(WordDocument doc, Rectification r) {
        doc.paragraph(doc.msg("audit.rectificationRound", r.getRoundNo(), r.getSubmittedByName(),
            dates.format(r.getSubmittedAt())));
        doc.paragraph(r.getReport());
        if (r.getDecision() != null) {
            doc.paragraph(doc.msg("audit.rectificationDecision." + r.getDecision()) + " · " + r.getReviewedByName()
                + " · " + dates.format(r.getReviewedAt())
                + (r.getReviewComment() == null ? "" : doc.msg("print.label", "") + r.getReviewComment()));
        }
    }
}
