package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.studyflow.assessment.Indicator;
import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.session.SessionService;
import cn.studyflow.status.OrgRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The material indicator counts the materials of the sessions the session package names for the period, a thousand
 * sessions a statement, and adds up an organisation's counts from each statement.
 */
class MaterialIndicatorsTest {

    final MaterialMapper mapper = mock(MaterialMapper.class);
    final SessionService sessions = mock(SessionService.class);
    final MaterialIndicators indicators = new MaterialIndicators(mapper, sessions);
    final StudyPeriod period = StudyPeriod.of("/1/", 2031, null, OffsetDateTime.now());
    final List<String> added = new ArrayList<>();

    @Test
    void anOrganisationsCountsFromSeveralStatementsAreAddedUp() {
        List<Long> counted = LongStream.rangeClosed(1, 1500).boxed().toList();
        when(sessions.countedIn(period)).thenReturn(counted);
        when(mapper.selectPeriodCleared(period, counted.subList(0, 1000)))
            .thenReturn(List.of(row(10, 2, 3), row(11, 1, 1)));
        when(mapper.selectPeriodCleared(period, counted.subList(1000, 1500))).thenReturn(List.of(row(10, 4, 5)));

        indicators.addTo((orgId, indicator, n, m) -> added.add(orgId + " " + indicator + " " + n + "/" + m), period);

        assertThat(added).containsExactlyInAnyOrder("10 MATERIALS_CLEARED 6/8", "11 MATERIALS_CLEARED 1/1");
        verify(mapper, times(2)).selectPeriodCleared(eq(period), any());
        assertThat(indicators.indicators()).containsExactly(Indicator.MATERIALS_CLEARED);
    }

    @Test
    void aPeriodWithoutSessionsCountsNothingAndReadsNoMaterial() {
        when(sessions.countedIn(period)).thenReturn(List.of());

        indicators.addTo((orgId, indicator, n, m) -> added.add(orgId + " " + n + "/" + m), period);

        assertThat(added).isEmpty();
        verify(mapper, never()).selectPeriodCleared(any(), any());
    }

    private static OrgRow row(long orgId, long n, long m) {
        OrgRow r = new OrgRow();
        r.setOrgId(orgId);
        r.setN(n);
        r.setM(m);
        return r;
    }
}
