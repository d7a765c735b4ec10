package cn.studyflow.audit;

import cn.studyflow.archive.ArchiveSource;
import cn.studyflow.archive.ArchiveTable;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The audits of a year's sessions for its archive: each record with its rectifications as a .docx in the session's folder. */
@Component
@RequiredArgsConstructor
class AuditArchive implements ArchiveSource {

    static final int ORDER = 50;

    private final SessionService sessions;
    private final AuditMapper mapper;
    private final AuditSessions auditSessions;
    private final AuditService audits;
    private final AuditWord word;
    private final MessageSource messages;

    @Override
    public ArchivePart part(long orgId, int year, Locale locale) {
        ArchiveTable table = new ArchiveTable(messages, locale);
        String folder = table.msg("archive.folder.audits");
        for (StudySession s : sessions.ofOrgYear(orgId, year)) {
            for (Audit found : mapper.selectBySession(s.getId())) {
                Audit audit = auditSessions.audit(found.getId());
                List<AuditRecord> records = audits.records(audit);
                List<Rectification> rectifications = audits.rectifications(audit);
                table.row(s.getTitle(), audit.getDeptOrgName(), table.msg("audit.mode." + audit.getAuditMode()),
                    table.msg("audit.status." + audit.getStatus()),
                    audit.getVerdict() == null ? "" : table.msg("audit.verdict." + audit.getVerdict()),
                    String.valueOf(rectifications.size()));
                table.file(ArchiveFile.ofSession(s.getId(), folder, audit.getTitle() + ".docx",
                    o -> word.document(audit, records, rectifications, locale).write(o)));
            }
        }
        return table.part(ORDER, "archive.part.audits", "archive.session", "audit.dept", "audit.mode", "audit.status",
            "audit.verdict", "audit.rectifications");
    }
}
