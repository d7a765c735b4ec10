package cn.studyflow.material;

import cn.studyflow.common.VersionedRow;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.DemoPeople;
import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import cn.studyflow.task.ActionLog;
import cn.studyflow.task.Decision;
import cn.studyflow.upload.ClasspathUpload;
import cn.studyflow.upload.FileStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * In the demo profile, the approved materials of 卞桥镇's last (finished) year, for its archive: the sample speech
 * for its first two sessions, signed off a week before each. A past session takes no upload any more, so this
 * history is written as it would stand, the file stored through the material store's checks like any upload and
 * the steps recorded in the history and as reviews, each at its time (as the session demo writes its past sessions).
 */
@Component
@Profile("demo")
@Order(30)
@RequiredArgsConstructor
class DemoFinishedMaterials implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFinishedMaterials.class);
    private static final int HOW_MANY = 2;

    private final MaterialMapper mapper;
    private final SessionService sessions;
    private final MaterialFiles files;
    private final ActionLog actionLog;
    private final MaterialDeadlines deadlines;
    private final DemoPeople people;
    private final Clock clock;
    @Value("${studyflow.demo.sample-material:true}")
    private final boolean enabled;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        CurrentUser author = people.user(DemoMaterials.AUTHOR);
        int year = LocalDate.now(clock).getYear() - 1;
        List<StudySession> past = sessions.ofOrgFrom(author.getOrgId(), year).stream()
            .filter(s -> s.getSessionYear() == year && s.getSessionDate() != null && "SCHEDULED".equals(s.getStatus()))
            .limit(HOW_MANY).toList();
        for (StudySession s : past) {
            OffsetDateTime at = s.getSessionDate().minusDays(7).atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
            FileStore.Stored<FileType> stored = files.store(
                new ClasspathUpload(DemoMaterials.FILE, DemoMaterials.FILE_NAME, "application/pdf"));
            Material m = new Material();
            m.setOrgId(author.getOrgId());
            m.setSessionId(s.getId());
            m.setAuthorId(author.getPersonId());
            m.setKind(MaterialKind.SPEECH);
            m.setTitle(s.getTitle() + "（研讨发言）");
            m.setSummary("结合分管工作谈学习体会和下一步打算。");
            m.setStatus(MaterialStatus.DRAFT);
            m.setCurrentVersion(1);
            m.setCreatedAt(at.minusDays(3));
            m.setUpdatedAt(at);
            mapper.insert(m);
            mapper.insertVersion(MaterialFiles.asVersion(stored, m.getId(), 1, author.getPersonId(), at.minusDays(3)));
            mapper.markVersionSubmitted(m.getId(), 1, at.minusDays(3).plusMinutes(10));
            m.setStatus(MaterialStatus.ARCHIVED);
            m.setArchivedAt(at);
            VersionedRow.save(m, mapper::update, clock);
            deadlines.of(s.getId()).ifPresent(due -> mapper.updateDeadline(m.getId(), due.deadline().toOffsetDateTime()));
            actionLog.recordPast(Materials.ref(m), "CREATE", author, null, at.minusDays(3));
            review(m, MaterialReviewProcess.TASK_FIRST_REVIEW, "bq_office", "不涉密，格式规范", at.minusDays(2));
            review(m, MaterialReviewProcess.TASK_SECOND_REVIEW, "bq_publicity", "三关均通过", at.minusDays(1));
            review(m, MaterialReviewProcess.TASK_SIGN_OFF, "bq_leader", "同意，归档", at);
            log.info("Demo finished year {}: material {} archived for session {}", year, m.getId(), s.getId());
        }
    }

    /** A reviewer's approval as the step would have written it, on the material page and in its history alike. */
    private void review(Material m, String step, String username, String comment, OffsetDateTime at) {
        CurrentUser reviewer = people.user(username);
        MaterialReview review = new MaterialReview();
        review.setMaterialId(m.getId());
        review.setVersionNo(1);
        review.setStep(step);
        review.setReviewerId(reviewer.getPersonId());
        review.setReviewerName(reviewer.getDisplayName());
        review.setDecision(Decision.APPROVE);
        review.setComment(comment);
        review.setNotClassified(MaterialReviewProcess.TASK_FIRST_REVIEW.equals(step) ? Boolean.TRUE : null);
        review.setCreatedAt(at);
        mapper.insertReview(review);
        if (MaterialReviewProcess.TASK_SECOND_REVIEW.equals(step)) {
            for (CheckItem item : CheckItem.values()) {
                MaterialCheck check = new MaterialCheck(item, true, null);
                check.setReviewId(review.getId());
                mapper.insertCheck(check);
            }
        }
        actionLog.recordPast(Materials.ref(m), "APPROVE", reviewer, comment, at);
    }
}
