package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.studyflow.session.SessionService;
import cn.studyflow.session.StudySession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Materials come with their session's title and day from the session package, one session read per material or
 * list; the archive's materials in the order of their sessions' month and day.
 */
class MaterialReadsTest {

    final MaterialMapper mapper = mock(MaterialMapper.class);
    final SessionService sessions = mock(SessionService.class);
    final MaterialReads reads = new MaterialReads(mapper, sessions);

    final StudySession march20 = session(7, "专题3", 3, LocalDate.of(2031, 3, 20));
    final StudySession march6 = session(8, "专题3补", 3, LocalDate.of(2031, 3, 6));
    final StudySession marchUndated = session(9, "专题3再", 3, null);
    final StudySession april = session(5, "专题4", 4, null);

    @Test
    void aMaterialComesWithItsSessionsTitleYearMonthAndDay() {
        when(mapper.selectById(1)).thenReturn(material(1, march20));
        when(sessions.byId(7)).thenReturn(Optional.of(march20));

        Material m = reads.byId(1);

        assertThat(m.getSessionTitle()).isEqualTo("专题3");
        assertThat(m.getSessionYear()).isEqualTo(2031);
        assertThat(m.getSessionMonth()).isEqualTo(3);
        assertThat(m.getSessionDate()).isEqualTo(LocalDate.of(2031, 3, 20));
    }

    @Test
    void noMaterialIsNullAndAsksNoSession() {
        assertThat(reads.byId(2)).isNull();
        verify(sessions, never()).byId(anyLong());
    }

    @Test
    void aStepThatOnlyChangesTheMaterialReadsItsRowAndNoSession() {
        when(mapper.selectById(1)).thenReturn(material(1, march20));

        assertThat(reads.row(1).getId()).isEqualTo(1);
        verify(sessions, never()).byId(anyLong());
    }

    @Test
    void aPageOfMaterialsReadsItsSessionsOnceForAllRows() {
        MaterialFilter filter = new MaterialFilter(List.of(1L), List.of(), 1L, null, null, false);
        when(mapper.selectVisible(filter, 0, 20))
            .thenReturn(new ArrayList<>(List.of(material(1, march20), material(2, april), material(3, march20))));
        when(sessions.byIds(any())).thenReturn(Map.of(7L, march20, 5L, april));

        List<Material> page = reads.visible(filter, 0, 20);

        assertThat(page).extracting(Material::getSessionTitle).containsExactly("专题3", "专题4", "专题3");
        verify(sessions, times(1)).byIds(any());
    }

    @Test
    void anEmptyPageAsksNoSession() {
        MaterialFilter filter = new MaterialFilter(List.of(1L), List.of(), 1L, null, null, false);
        when(mapper.selectVisible(filter, 0, 20)).thenReturn(List.of());

        assertThat(reads.visible(filter, 0, 20)).isEmpty();
        verify(sessions, never()).byIds(any());
    }

    @Test
    void theArchiveHasTheYearsSessionsMaterialsByMonthDayUndatedLastSessionAndId() {
        when(sessions.ofOrgYear(3, 2031)).thenReturn(List.of(april, march20, march6, marchUndated));
        when(mapper.selectArchivedOfSessions(3, List.of(5L, 7L, 8L, 9L))).thenReturn(new ArrayList<>(List.of(
            material(40, april), material(31, march20), material(30, march20), material(50, marchUndated),
            material(60, march6))));
        when(sessions.byIds(any())).thenReturn(Map.of(5L, april, 7L, march20, 8L, march6, 9L, marchUndated));

        assertThat(reads.archivedOfYear(3, 2031)).extracting(Material::getId).containsExactly(60L, 30L, 31L, 50L, 40L);
    }

    @Test
    void aYearWithoutSessionsHasNoArchivedMaterialsAndReadsNone() {
        when(sessions.ofOrgYear(3, 2031)).thenReturn(List.of());

        assertThat(reads.archivedOfYear(3, 2031)).isEmpty();
        verify(mapper, never()).selectArchivedOfSessions(anyLong(), any());
    }

    @Test
    void theMaterialsOfAMovedSessionReadTheSessionOnce() {
        when(sessions.byId(7)).thenReturn(Optional.of(march20));
        when(mapper.selectById(1)).thenReturn(material(1, march20));
        when(mapper.selectById(2)).thenReturn(material(2, march20));

        LongFunction<Material> load = reads.ofSession(7);

        assertThat(List.of(load.apply(1), load.apply(2))).extracting(Material::getSessionTitle)
            .containsExactly("专题3", "专题3");
        verify(sessions, times(1)).byId(7);
    }

    private static StudySession session(long id, String title, int month, LocalDate day) {
        StudySession s = new StudySession();
        s.setId(id);
        s.setTitle(title);
        s.setSessionYear(2031);
        s.setSessionMonth(month);
        s.setSessionDate(day);
        return s;
    }

    private static Material material(long id, StudySession session) {
        Material m = new Material();
        m.setId(id);
        m.setSessionId(session.getId());
        return m;
    }
}
