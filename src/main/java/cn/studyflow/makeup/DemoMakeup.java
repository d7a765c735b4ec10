package cn.studyflow.makeup;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.DemoPeople;
import cn.studyflow.session.MySession;
import cn.studyflow.session.SessionQueries;
import cn.studyflow.session.SessionService;
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
 * In the demo profile, a make-up of 卞桥镇's second member waiting for the secretary, so that a new user finds one in
 * the secretary's tasklist: assigned through the real process for the latest held session of this year that the
 * member missed (on leave or absent), and submitted with their notes. Runs after the demos that hold sessions;
 * without such a session it says so and files nothing. Off with {@code studyflow.demo.sample-makeup=false}.
 */
@Component
@Profile("demo")
@Order(110)
@RequiredArgsConstructor
class DemoMakeup implements ApplicationRunner {

    static final String MEMBER = "bq_member2";
    static final String ORG_CODE = "bq";
    static final String NOTES = "通过认真学习本次学习会的领学材料和交流发言，我对会议精神有了更加系统的理解。"
        + "一是深刻认识到理论武装是党的思想建设的根本任务，必须原原本本学、联系实际学，做到学思用贯通、知信行统一。"
        + "二是进一步明确了做好基层工作的方向，要把学习成果转化为推动乡村全面振兴的思路和举措，"
        + "在产业发展、基层治理、民生保障等方面抓好落实。"
        + "三是查找了自身在学习上存在的不足，主要是学习的系统性不够、联系分管工作不够紧密，"
        + "今后要制定个人学习计划，坚持每周集中时间自学，主动参加研讨交流。"
        + "四是要坚持问题导向，围绕群众急难愁盼问题开展调查研究，形成有分量的调研报告，"
        + "以实际成效检验学习成果，切实把学习贯彻的各项要求落到实处，推动各项工作取得新的进展。"
        + "本次因公请假未能参加集中学习，补学中通读了全部学习材料并观看了会议记录，特此提交补学心得。";

    private static final Logger log = LoggerFactory.getLogger(DemoMakeup.class);

    private final MakeupAssignments assignments;
    private final MakeupSubmissions submissions;
    private final MakeupMapper makeups;
    private final SessionQueries queries;
    private final DemoPeople people;
    @Value("${studyflow.demo.sample-makeup:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            file(MEMBER);
        }
    }

    /** Assigns and submits the sample make-up of {@code username}, unless they have one for that session already. */
    Optional<Makeup> file(String username) {
        return people.userIn(ORG_CODE, username).flatMap(this::fileFor);
    }

    private Optional<Makeup> fileFor(CurrentUser member) {
        Optional<MySession> missed = queries.attended(member).stream()
            .filter(s -> SessionService.HELD.equals(s.getStatus()))
            .filter(s -> MakeupAssignments.MISSED.contains(s.getAttendance()))
            .findFirst();
        if (missed.isEmpty()) {
            log.info("Demo make-up: {} missed no held session of 卞桥镇 this year; no sample make-up",
                member.getUsername());
            return Optional.empty();
        }
        long sessionId = missed.get().getId();
        if (makeups.selectBySessionAndPerson(sessionId, member.getPersonId()) != null) {
            return Optional.empty();
        }
        Optional<Makeup> assigned = assignments.assign(sessionId, member.getPersonId());
        assigned.ifPresent(m -> {
            submissions.submit(m.getId(), member, new MakeupForm(NOTES), null);
            log.info("Demo make-up: {} submitted the make-up of session {} ({}), waiting for the secretary",
                member.getUsername(), sessionId, missed.get().getSessionDate());
        });
        return assigned.map(m -> makeups.selectById(m.getId()));
    }
}
