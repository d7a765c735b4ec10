package cn.studyflow.session;

import cn.studyflow.archive.ArchiveSource;
import cn.studyflow.org.PersonNames;
import cn.studyflow.status.XlsxSheet;
import cn.studyflow.upload.WordDocument;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sessions of a year for its archive: one folder per session with its record (.docx: day, place, chair,
 * speakers, roster with attendance, minutes) and its photos and sign-in sheet as uploaded, and the attendance
 * of the whole year as one .xlsx.
 */
@Component
@RequiredArgsConstructor
class SessionArchive implements ArchiveSource {

    static final int ORDER = 20;

    private final StudySessionMapper sessions;
    private final SessionRecordMapper records;
    private final SessionFiles files;
    private final PersonNames names;
    private final MessageSource messages;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    /** A session with what was read of it for the archive. */
    private record Read(StudySession session, List<RosterLine> roster, List<SessionFile> files) {
    }

    @Override
    public ArchivePart part(long orgId, int year, Locale locale) {
        List<Read> read = new ArrayList<>();
        for (StudySession s : sessions.selectByOrgs(List.of(orgId), year)) {
            if (!SessionProposals.PROPOSED.equals(s.getStatus()) && !SessionProposals.REFUSED.equals(s.getStatus())) {
                read.add(new Read(s, records.selectRosterLines(s.getId()), records.selectFiles(s.getId())));
            }
        }
        List<ArchiveSession> folders = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<ArchiveFile> out = new ArrayList<>();
        for (Read r : read) {
            StudySession s = r.session();
            folders.add(new ArchiveSession(s.getId(), s.getSessionMonth(), s.getSessionDate(), s.getTitle()));
            rows.add(List.of(s.getSessionDate() == null ? msg(locale, "topic.monthValue", s.getSessionMonth())
                    : s.getSessionDate().toString(), s.getTitle(), nz(s.getSpeaker()),
                msg(locale, "session.status." + s.getStatus()), String.valueOf(r.roster().size()),
                String.valueOf(count(r.roster(), Attendance.PRESENT) + count(r.roster(), Attendance.LATE)),
                String.valueOf(count(r.roster(), Attendance.LEAVE)), String.valueOf(count(r.roster(), Attendance.ABSENT))));
            out.add(ArchiveFile.ofSession(s.getId(), "", msg(locale, "sessionrecord.minutes") + ".docx",
                o -> record(r, locale).write(o)));
            for (SessionFile f : r.files()) {
                out.add(ArchiveFile.ofSession(s.getId(), msg(locale, "sessionrecord.fileKind." + f.getKind()),
                    f.getOriginalName(), Content.copyOf(() -> files.open(f), f.getFileType(), f.getSizeBytes(),
                        f.getCrc32())));
            }
        }
        if (!read.isEmpty()) {
            out.add(ArchiveFile.atRoot(msg(locale, "archive.file.attendance") + ".xlsx", o -> attendance(read, locale, o)));
        }
        List<String> heads = List.of(msg(locale, "session.day"), msg(locale, "session.topic"),
            msg(locale, "session.speakers"), msg(locale, "archive.session.status"), msg(locale, "archive.session.expected"),
            msg(locale, "archive.session.present"), msg(locale, "session.attendance.LEAVE"),
            msg(locale, "session.attendance.ABSENT"));
        return new ArchivePart(ORDER, "archive.part.sessions", read.size(), heads, rows, folders, out);
    }

    /** A session's record for the paper file. */
    private WordDocument record(Read r, Locale locale) {
        StudySession s = r.session();
        WordDocument doc = new WordDocument(messages, locale);
        doc.title(s.getTitle())
            .fact("session.day", s.getSessionDate() == null ? "" : s.getSessionDate()
                + (s.getStartTime() == null ? "" : " " + s.getStartTime() + "–" + nz(s.getEndTime())))
            .fact("session.place", s.getPlace())
            .fact("session.chair", s.getChairId() == null ? "" : names.byId(s.getChairId()))
            .fact("session.speakers", s.getSpeaker())
            .fact("archive.session.status", doc.msg("session.status." + s.getStatus()));
        doc.heading(doc.msg("archive.session.roster"));
        List<List<String>> roster = new ArrayList<>();
        for (RosterLine l : r.roster()) {
            roster.add(List.of(l.getDisplayName(), nz(l.getOrgName()), doc.msg("session.part." + l.getPart()),
                doc.msg("session.attendance." + l.getAttendance()) + (l.isMadeUp() ? doc.msg("session.attendance.madeUp") : ""),
                nz(l.getMarkReason())));
        }
        doc.table(List.of(doc.msg("archive.session.person"), doc.msg("archive.org"), doc.msg("archive.session.part"),
            doc.msg("archive.session.attendance"), doc.msg("archive.session.note")), roster);
        doc.heading(doc.msg("sessionrecord.minutes"));
        doc.paragraph(s.getMinutes() == null ? doc.msg("archive.summary.none") : s.getMinutes());
        return doc;
    }

    /** Everyone on every roster of the year, one row per person and session. */
    private void attendance(List<Read> read, Locale locale, java.io.OutputStream o) {
        List<String> heads = List.of(msg(locale, "session.day"), msg(locale, "session.topic"),
            msg(locale, "archive.session.person"), msg(locale, "archive.org"), msg(locale, "archive.session.part"),
            msg(locale, "archive.session.attendance"), msg(locale, "archive.session.signedAt"),
            msg(locale, "archive.session.madeUp"));
        try (XlsxSheet sheet = new XlsxSheet(o, msg(locale, "archive.file.attendance"), heads, zone)) {
            for (Read r : read) {
                StudySession s = r.session();
                String day = s.getSessionDate() == null ? "" : s.getSessionDate().toString();
                for (RosterLine l : r.roster()) {
                    sheet.row(day, s.getTitle(), l.getDisplayName(), l.getOrgName(), msg(locale, "session.part." + l.getPart()),
                        msg(locale, "session.attendance." + l.getAttendance()), l.getSignedAt(),
                        l.isMadeUp() ? msg(locale, "yes") : "");
                }
            }
        }
    }

    private static long count(List<RosterLine> roster, Attendance a) {
        return roster.stream().filter(l -> l.getAttendance() == a).count();
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
