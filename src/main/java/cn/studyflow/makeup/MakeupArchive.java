package cn.studyflow.makeup;

import cn.studyflow.archive.ArchiveSource;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.util.ArrayList;
import java.util.List;
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
        List<List<String>> rows = new ArrayList<>();
        List<ArchiveFile> out = new ArrayList<>();
        String folder = msg(locale, "archive.folder.makeups");
        for (StudySession s : sessions.ofOrgYear(orgId, year)) {
            for (Makeup m : makeups.selectBySession(s.getId())) {
                rows.add(List.of(s.getTitle(), m.getMemberName(), msg(locale, "makeup.absence." + m.getAbsence()),
                    msg(locale, "makeup.status." + m.getStatus()), m.getNotes() == null ? "" : m.getNotes()));
                if (m.getFileStoredName() != null) {
                    out.add(ArchiveFile.ofSession(s.getId(), folder, m.getMemberName() + "-" + m.getFileName(),
                        Content.copyOf(() -> files.open(m), m.getFileType())));
                }
            }
        }
        return new ArchivePart(ORDER, "archive.part.makeups", rows.size(),
            List.of(msg(locale, "archive.session"), msg(locale, "makeup.member"), msg(locale, "makeup.absence"),
                msg(locale, "makeup.status"), msg(locale, "makeup.notes")), rows, out);
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
