package cn.studyflow.assessment;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Dates;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The yearly assessment: the department's ranking of the organisations below it, one organisation's scorecard with
 * its recorded grade and history, and the grade and comment saved under optimistic locking (a lost race is a 409
 * naming who saved first).
 */
@Service
@RequiredArgsConstructor
public class AssessmentService {

    static final int MAX_COMMENT = 2000;

    private final AssessmentAccess access;
    private final AssessmentScores scores;
    private final AssessmentWeights weights;
    private final AssessmentMapper mapper;
    private final Dates dates;
    private final Clock clock;
    private final PlatformTransactionManager transactions;

    /** The ranking a department sees: each organisation below its own with its scorecard and recorded grade. */
    public record Ranking(int year, Org top, Set<Indicator> available, Weights weights, List<Row> rows) {
    }

    public record Row(Scorecard card, Assessment assessment) {
    }

    /** One organisation's assessment: scorecard, the recorded grade, its history, and whether the reader grades it. */
    public record View(int year, Scorecard card, Assessment assessment, List<Assessment> history, boolean canGrade,
                       Weights weights) {
    }

    public Ranking ranking(CurrentUser user, Integer year) {
        List<Org> orgs = access.assessed(user);
        int y = access.year(year);
        List<Scorecard> cards = scores.ranked(orgs, user.getOrg().getPath(), y, null, OffsetDateTime.now(clock));
        Map<Long, Assessment> graded = mapper.selectInSubtree(user.getOrg().getPath(), y).stream()
            .collect(Collectors.toMap(Assessment::getOrgId, Function.identity()));
        return new Ranking(y, user.getOrg(), scores.available(), weights.current(),
            cards.stream().map(c -> new Row(c, graded.get(c.org().getId()))).toList());
    }

    public View view(CurrentUser user, long orgId, Integer year) {
        Org org = access.readable(user, orgId);
        int y = access.year(year);
        Scorecard card = card(org, y);
        Assessment a = mapper.selectOne(orgId, y);
        return new View(y, card, a, a == null ? List.of() : mapper.selectEntries(a.getId()), access.canAssess(user, org),
            weights.current());
    }

    /**
     * Records the grade and comment of {@code orgId}'s year with its score now; {@code version} is the version the
     * grader read (null when there was no grade yet). 404 unless the user assesses the organisation.
     */
    @Transactional
    public Assessment grade(CurrentUser user, long orgId, Integer year, Grade grade, String comment, Integer version) {
        Org org = access.readable(user, orgId);
        if (!access.canAssess(user, org)) {
            throw BusinessException.forbidden();
        }
        int y = access.year(year);
        if (grade == null) {
            throw BusinessException.invalid("assessment.error.gradeMissing");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw BusinessException.invalid("assessment.error.commentTooLong", String.valueOf(MAX_COMMENT));
        }
        Assessment a = mapper.selectOne(orgId, y);
        if (a != null && (version == null || version != a.getVersion())) {
            throw savedFirst(a);
        }
        if (a == null) {
            a = new Assessment();
            a.setOrgId(orgId);
            a.setAssessYear(y);
        }
        Scorecard card = card(org, y);
        a.setGrade(grade);
        a.setComment(text);
        a.setScore(card.score() == null ? null : BigDecimal.valueOf(card.score()).setScale(2, RoundingMode.HALF_UP));
        a.setGradedBy(user.getPersonId());
        a.setGradedByName(user.getDisplayName());
        a.setGradedAt(OffsetDateTime.now(clock));
        if (a.getId() == null) {
            insertFirst(a, orgId, y);
        } else if (mapper.update(a) == 0) {
            throw savedFirst(mapper.selectOne(orgId, y));
        } else {
            a.setVersion(a.getVersion() + 1);
        }
        mapper.insertEntry(a);
        return a;
    }

    private void insertFirst(Assessment a, long orgId, int year) {
        // in a savepoint, so that PostgreSQL's transaction survives the refused insert for the read that names who was first
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        try {
            savepoint.executeWithoutResult(s -> mapper.insert(a));
        } catch (DuplicateKeyException e) {
            throw savedFirst(mapper.selectOne(orgId, year));
        }
    }

    private Scorecard card(Org org, int year) {
        return scores.ranked(List.of(org), org.getPath(), year, null, OffsetDateTime.now(clock)).get(0);
    }

    private BusinessException savedFirst(Assessment first) {
        return BusinessException.conflict("assessment.error.savedFirst", first.getGradedByName(),
            dates.format(first.getGradedAt()));
    }

    /** The grade a form or request names; 400 with a clear message when it names none. */
    public static Grade grade(String name) {
        try {
            return name == null || name.isBlank() ? null : Grade.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("assessment.error.gradeMissing");
        }
    }

    /** A weight as typed on the form: a whole number, or 400 naming the indicator. */
    static Integer weight(Indicator indicator, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid("assessment.error.weightNumber",
                new DefaultMessageSourceResolvable("assessment.indicator." + indicator));
        }
    }
}
