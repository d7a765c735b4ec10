package cn.studyflow.audit;

import cn.studyflow.archive.ArchiveSource;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.util.ArrayList;
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
    private final AuditService audits;
    private final AuditWord word;
    private final MessageSource messages;

    @Override
    public ArchivePart part(long orgId, int year, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        List<ArchiveFile> out = new ArrayList<>();
        String folder = msg(locale, "archive.folder.audits");
        for (StudySession s : sessions.ofOrgYear(orgId, year)) {
            for (Audit found : mapper.selectBySession(s.getId())) {
                Audit audit = mapper.selectAudit(found.getId());
                List<AuditRecord> records = audits.records(audit);
                List<Rectification> rectifications = audits.rectifications(audit);
                rows.add(List.of(s.getTitle(), audit.getDeptOrgName(), msg(locale, "audit.mode." + audit.getAuditMode()),
                    msg(locale, "audit.status." + audit.getStatus()),
                    audit.getVerdict() == null ? "" : msg(locale, "audit.verdict." + audit.getVerdict()),
                    String.valueOf(rectifications.size())));
                out.add(ArchiveFile.ofSession(s.getId(), folder, audit.getTitle() + ".docx",
                    o -> word.document(audit, records, rectifications, locale).write(o)));
            }
        }
        return new ArchivePart(ORDER, "archive.part.audits", rows.size(),
            List.of(msg(locale, "archive.session"), msg(locale, "audit.dept"), msg(locale, "audit.mode"),
                msg(locale, "audit.status"), msg(locale, "audit.verdict"), msg(locale, "audit.rectifications")),
            rows, out);
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
