package cn.studyflow.leave;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.DemoPeople;
import cn.studyflow.session.ComingSessions;
import cn.studyflow.session.StudySession;
import java.time.Clock;
import java.time.LocalDate;
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
 * In the demo profile, a leave request of 卞桥镇's member waiting for the leader, so that a new user finds one in
 * the leader's tasklist: filed through the real process for the next session of 卞桥镇 that has the member on its
 * roster and has not started. Runs after the demos that schedule sessions; without such a session it says so and
 * files nothing. Off with {@code studyflow.demo.sample-leave=false} (the tests, which count what they make).
 */
@Component
@Profile("demo")
@Order(100)
@RequiredArgsConstructor
class DemoLeave implements ApplicationRunner {

    static final String MEMBER = "bq_member";
    static final String ORG_CODE = "bq";

    private static final Logger log = LoggerFactory.getLogger(DemoLeave.class);

    private final LeaveRequests requests;
    private final LeaveMapper leaves;
    private final ComingSessions coming;
    private final DemoPeople people;
    private final Clock clock;
    @Value("${studyflow.demo.sample-leave:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            file();
        }
    }

    /** Files the sample request, unless the member has one for that session already; the request, if filed. */
    Optional<Leave> file() {
        return people.userIn(ORG_CODE, MEMBER).flatMap(this::fileFor);
    }

    private Optional<Leave> fileFor(CurrentUser member) {
        Optional<StudySession> next = coming.of(member.getPersonId(), LocalDate.now(clock)).stream()
            .filter(s -> s.getOrgId() == member.getOrgId())
            .filter(s -> s.getSessionDate().isAfter(LocalDate.now(clock)))
            .findFirst();
        if (next.isEmpty()) {
            log.info("Demo leave: no coming session of 卞桥镇 has {} on its roster; no sample leave filed", MEMBER);
            return Optional.empty();
        }
        if (leaves.selectBySessionAndPerson(next.get().getId(), member.getPersonId()) != null) {
            return Optional.empty();
        }
        Leave l = requests.ask(member, next.get().getId(),
            new LeaveForm(LeaveReason.WORK_TRIP, "赴市委党校参加乡村振兴专题培训班"));
        log.info("Demo leave: {} asked for leave from session {} ({}), waiting for the leader", MEMBER,
            next.get().getId(), next.get().getSessionDate());
        return Optional.of(l);
    }
}
