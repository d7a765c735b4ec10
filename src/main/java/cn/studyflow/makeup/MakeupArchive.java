package cn.studyflow.makeup;

import cn.studyflow.archive.ArchiveSource;
import cn.studyflow.archive.ArchiveTable;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The make-ups of a year's sessions for its archive: who, why, how it ended, and the file handed in. */
@Component
@RequiredArgsConstructor
class MakeupArchive implements ArchiveSource {

    static final int ORDER = 40;

    private final SessionService sessions;
    private final MakeupMapper makeups;
    private final MakeupFiles files;
    private final MessageSource messages;

    @Override
    public ArchivePart part(long orgId, int year, Locale locale) {
        ArchiveTable table = new ArchiveTable(messages, locale);
        String folder = table.msg("archive.folder.makeups");
        for (StudySession s : sessions.ofOrgYear(orgId, year)) {
            for (Makeup m : makeups.selectBySession(s.getId())) {
                table.row(s.getTitle(), m.getMemberName(), table.msg("makeup.absence." + m.getAbsence()),
                    table.msg("makeup.status." + m.getStatus()), m.getNotes() == null ? "" : m.getNotes());
                if (m.getFileStoredName() != null) {
                    table.file(ArchiveFile.ofSession(s.getId(), folder, m.getMemberName() + "-" + m.getFileName(),
                        Content.copyOf(() -> files.open(m), m.getFileType(), m.getFileSize(),
                            m.getFileCrc32())));
                }
            }
        }
        return table.part(ORDER, "archive.part.makeups", "archive.session", "makeup.member", "makeup.absence",
            "makeup.status", "makeup.notes");
    }
}
