package cn.studyflow.archive;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.session.Attendance;
import cn.studyflow.session.Roster;
import cn.studyflow.session.SessionFileKind;
import cn.studyflow.session.SessionFiles;
import cn.studyflow.support.StudyGroup;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Year;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

/**
 * A study group's finished last year, as the archive tests read it: one session held on 12 March with the group on
 * its roster (the member present, the second member on leave), minutes and a photo.
 */
final class FinishedYear {

    static final String MINUTES = "会议由组长主持，传达学习了党的二十届四中全会精神，成员逐一交流发言。";
    static final String PHOTO_NAME = "学习现场.png";

    final StudyGroup group;
    final int year;
    final LocalDate day;
    final long sessionId;
    final byte[] photo;

    FinishedYear(StudyGroup group, JdbcTemplate jdbc, Roster roster, SessionFiles files) {
        this.group = group;
        this.year = Year.now(StudyGroup.ZONE).getValue() - 1;
        this.day = LocalDate.of(year, 3, 12);
        this.sessionId = group.sessions().at(day.atTime(9, 0), group.leader(), group.secretary(), group.member(),
            group.member2());
        roster.change(sessionId, group.member().getPersonId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
        roster.change(sessionId, group.member2().getPersonId(), Attendance.EXPECTED, Attendance.LEAVE, null, null);
        roster.change(sessionId, group.leader().getPersonId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
        roster.change(sessionId, group.secretary().getPersonId(), Attendance.EXPECTED, Attendance.PRESENT, null, null);
        jdbc.update("UPDATE sf_study_session SET status = 'HELD', held_at = CURRENT_TIMESTAMP, minutes = ? WHERE id = ?",
            MINUTES, sessionId);
        this.photo = png();
        files.attach(sessionId, group.secretary(), SessionFileKind.PHOTO,
            new MockMultipartFile("file", PHOTO_NAME, "image/png", photo));
    }

    String title(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT title FROM sf_study_session WHERE id = ?", String.class, sessionId);
    }

    CurrentUser secretary() {
        return group.secretary();
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC00000);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
