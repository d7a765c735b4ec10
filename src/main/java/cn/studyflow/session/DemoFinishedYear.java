package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.upload.ClasspathUpload;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, 卞桥镇's last year finished for the archive: the sessions of its approved plan (dated by
 * {@link DemoSessions}, given materials by the material demo) are held with attendance and minutes, the first with
 * a photo of the room uploaded as the secretary uploads one.
 */
@Component
@Profile("demo")
@Order(40)
@RequiredArgsConstructor
class DemoFinishedYear implements ApplicationRunner {

    static final String PHOTO = "demo/session-photo.png";
    static final String PHOTO_NAME = "学习现场.png";

    private static final Logger log = LoggerFactory.getLogger(DemoFinishedYear.class);

    private final DemoSessions demo;
    private final StudySessionMapper sessions;
    private final SessionRecordMapper records;
    private final SessionFiles files;
    private final OrgService orgService;
    private final Clock clock;
    @Value("${studyflow.demo.sample-sessions:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        Person secretary = orgService.personByUsername("bq_secretary");
        if (!enabled || secretary == null) {
            return;
        }
        int year = LocalDate.now(clock).getYear() - 1;
        List<StudySession> due = sessions.selectByOrgs(List.of(secretary.getOrgId()), year).stream()
            .filter(s -> SessionService.SCHEDULED.equals(s.getStatus()) && s.getSessionDate() != null).toList();
        for (StudySession s : due) {
            records.markHeld(s.getId(), s.getVersion(), s.getSessionDate().atTime(12, 0).atOffset(ZoneOffset.ofHours(8)));
            demo.held(s, secretary, s.getSessionDate());
        }
        if (!due.isEmpty()) {
            CurrentUser asSecretary = orgService.asUser(secretary);
            files.attach(due.get(0).getId(), asSecretary, SessionFileKind.PHOTO,
                new ClasspathUpload(PHOTO, PHOTO_NAME, "image/png"));
            log.info("Demo finished year {} of 卞桥镇: {} sessions held, a photo on session {}", year, due.size(),
                due.get(0).getId());
        }
    }
}
