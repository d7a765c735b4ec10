package cn.studyflow.assessment;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weights in force: an administrator's, saved on the weights page, or else the defaults of
 * {@code studyflow.assessment.weights}. A change applies to every score shown from then on; grades keep the score
 * they were given with.
 */
@Service
@RequiredArgsConstructor
public class AssessmentWeights {

    private final AssessmentMapper mapper;
    private final AssessmentProperties properties;
    private final Clock clock;

    public Weights current() {
        List<WeightRow> rows = mapper.selectWeights();
        if (rows.size() < Indicator.values().length) {
            return new Weights(properties.weights());
        }
        Map<Indicator, Integer> saved = new EnumMap<>(Indicator.class);
        rows.forEach(r -> saved.put(r.getIndicator(), r.getWeight()));
        return new Weights(saved);
    }

    /** The administrator's rows (who set them and when), empty while the defaults hold. */
    public List<WeightRow> saved() {
        return mapper.selectWeights();
    }

    /** Replaces the weights (administrators only, else 404); refused with the reason when one is missing or negative or they do not sum to 100. */
    @Transactional
    public Weights save(CurrentUser user, Map<Indicator, Integer> weights) {
        if (!user.has(Role.ADMIN)) {
            throw BusinessException.notFound();
        }
        int sum = 0;
        for (Indicator i : Indicator.values()) {
            Integer w = weights.get(i);
            if (w == null) {
                throw BusinessException.invalid("assessment.error.weightMissing", label(i));
            }
            if (w < 0) {
                throw BusinessException.invalid("assessment.error.weightNegative", label(i));
            }
            sum += w;
        }
        if (sum != Weights.TOTAL) {
            throw BusinessException.invalid("assessment.error.weightSum", sum, Weights.TOTAL);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        mapper.deleteWeights();
        for (Indicator i : Indicator.values()) {
            mapper.insertWeight(i, weights.get(i), user.getPersonId(), now);
        }
        return new Weights(weights);
    }

    private static DefaultMessageSourceResolvable label(Indicator i) {
        return new DefaultMessageSourceResolvable("assessment.indicator." + i);
    }
}
