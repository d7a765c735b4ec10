package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.Decision;
import cn.studyflow.task.TasklistService;
import cn.studyflow.upload.ClasspathUpload;
import cn.studyflow.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * For the demo of other features: a Party lecture script (党课讲稿) uploaded by its author and passed through the
 * whole review (两审一把关) by their organisation's office, publicity member and leader, each step as they take it,
 * so that a lecture may go up with it ({@code lecture/DemoFinishedCampaign}). The sample PDF is its file.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
public class DemoScripts {

    /** How far ahead the script's session lies, so that no deadline of its review has passed. */
    static final int DAYS_AHEAD = 7;

    private static final Logger log = LoggerFactory.getLogger(DemoScripts.class);

    private final MaterialUploads uploads;
    private final MaterialReviews reviews;
    private final SessionService sessions;
    private final TasklistService tasks;
    private final Workflow workflow;
    private final OrgService orgs;
    private final UserDetailsService users;
    private final Clock clock;

    /** Whether the author's organisation has a session a script may be written for (see {@link #reviewed}). */
    public boolean hasSession(String author) {
        return sessionFor(user(author)).isPresent();
    }

    /**
     * The id of the author's script, reviewed and archived, for the first scheduled session of their organisation at
     * least {@value #DAYS_AHEAD} days ahead; empty when the organisation has no such session.
     */
    public Optional<Long> reviewed(String author, String title) {
        CurrentUser a = user(author);
        Optional<StudySession> session = sessionFor(a);
        if (session.isEmpty()) {
            log.info("Demo scripts: {} has no coming session; no script \"{}\"", a.getOrg().getName(), title);
            return Optional.empty();
        }
        MaterialForm form = new MaterialForm();
        form.setSessionId(session.get().getId());
        form.setKind(MaterialKind.PARTY_LECTURE);
        form.setTitle(title);
        form.setSummary("党课讲稿，结合本单位实际，讲给支部党员和入党积极分子。");
        Material m = uploads.create(a, form, new ClasspathUpload(DemoMaterials.FILE, title + ".pdf", "application/pdf"), true);
        String org = orgs.get(a.getOrgId()).getCode();

        FirstReviewForm first = new FirstReviewForm();
        first.setDecision(Decision.APPROVE);
        first.setNotClassified(true);
        first.setComment("内容完整，格式规范，不涉密。");
        reviews.firstReview(task(m), user(org + "_office"), first);
        reviews.secondReview(task(m), user(org + "_publicity"), SecondReviewForm.allPassed("政治关、学术关、法律关均通过。"));
        tasks.decide(task(m), user(org + "_leader"), Decision.APPROVE, "同意作为党课讲稿上报。");
        log.info("Demo scripts: \"{}\" of {} reviewed and archived (material {})", title, author, m.getId());
        return Optional.of(m.getId());
    }

    private Optional<StudySession> sessionFor(CurrentUser author) {
        LocalDate from = LocalDate.now(clock).plusDays(DAYS_AHEAD);
        return sessions.ofOrgFrom(author.getOrgId(), from.getYear()).stream()
            .filter(s -> SessionService.SCHEDULED.equals(s.getStatus()) && !day(s).isBefore(from)).findFirst();
    }

    private String task(Material m) {
        return workflow.activeTasks(m.getProcessInstanceId()).get(0).id();
    }

    private static LocalDate day(StudySession s) {
        return s.getSessionDate() != null ? s.getSessionDate()
            : YearMonth.of(s.getSessionYear(), s.getSessionMonth()).atEndOfMonth();
    }

    private CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }
}
