package cn.studyflow.makeup;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.DemoPeople;
import cn.studyflow.session.Roster;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.Decision;
import cn.studyflow.task.StepRunner;
import cn.studyflow.task.TasklistService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * In the demo profile, a make-up of 卞桥镇's last (finished) year: the first held session {@link DemoMakeup#MEMBER}
 * missed is made up with the demo notes and accepted by the secretary, so that the archive of that year holds it.
 */
@Component
@Profile("demo")
@Order(115)
@RequiredArgsConstructor
class DemoFinishedMakeup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFinishedMakeup.class);

    private final SessionService sessions;
    private final Roster roster;
    private final MakeupAssignments assignments;
    private final MakeupSubmissions submissions;
    private final MakeupMapper makeups;
    private final StepRunner steps;
    private final TasklistService tasks;
    private final DemoPeople people;
    private final Clock clock;
    @Value("${studyflow.demo.sample-makeup:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        CurrentUser member = people.user(DemoMakeup.MEMBER);
        int year = LocalDate.now(clock).getYear() - 1;
        List<StudySession> held = sessions.ofOrgYear(member.getOrgId(), year).stream()
            .filter(s -> SessionService.HELD.equals(s.getStatus())).toList();
        // one make-up in the finished year, made once: a restart finds it and adds no second one
        if (held.stream().anyMatch(s -> makeups.selectBySessionAndPerson(s.getId(), member.getPersonId()) != null)) {
            return;
        }
        Optional<StudySession> missed = held.stream()
            .filter(s -> roster.entry(s.getId(), member.getPersonId())
                .filter(e -> MakeupAssignments.MISSED.contains(e.getAttendance())).isPresent())
            .findFirst();
        missed.flatMap(s -> assignments.assign(s.getId(), member.getPersonId())).ifPresent(m -> {
            submissions.submit(m.getId(), member, new MakeupForm(DemoMakeup.NOTES), null);
            String check = steps.openTask(m.getProcessInstanceId(), MakeupStudyProcess.TASK_CHECK).orElseThrow().id();
            tasks.decide(check, people.user("bq_secretary"), Decision.APPROVE, "补学认真，同意");
            log.info("Demo finished year {}: make-up {} of {} accepted", year, m.getId(), DemoMakeup.MEMBER);
        });
    }
}
