package cn.studyflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.archive.ArchiveSource.ArchivePart;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.IntegrationTest;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What a new user of the demo finds in the archive: 卞桥镇's last year finished (its plan approved, twelve sessions
 * held, a photo, two approved materials, a make-up accepted) and its closing waiting for the leader.
 */
@TestPropertySource(properties = {"studyflow.demo.sample-plans=true", "studyflow.demo.sample-sessions=true",
    "studyflow.demo.sample-material=true", "studyflow.demo.sample-makeup=true", "studyflow.demo.sample-archive=true"})
class DemoArchiveTest extends IntegrationTest {

    @Autowired ArchiveService archives;
    @Autowired YearClosings closings;

    @Test
    void lastYearOfTheTownIsFinishedAndItsClosingWaitsForTheLeader() {
        CurrentUser secretary = user("bq_secretary");
        int last = Year.now().getValue() - 1;

        ArchiveYear archive = archives.year(secretary, secretary.getOrgId(), last, Locale.SIMPLIFIED_CHINESE);
        Map<String, Integer> counts = archive.parts().stream()
            .collect(Collectors.toMap(ArchivePart::titleKey, ArchivePart::count));
        assertThat(counts).containsEntry("archive.part.plans", 1).containsEntry("archive.part.sessions", 12)
            .containsEntry("archive.part.materials", 2).containsEntry("archive.part.makeups", 1);
        assertThat(archive.parts().stream().flatMap(p -> p.files().stream()).map(ArchiveSource.ArchiveFile::name))
            .contains("学习现场.png", "出勤统计.xlsx");

        List<YearClosing> history = closings.history(secretary.getOrgId(), last);
        assertThat(history).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo(ClosingStatus.REQUESTED);
            assertThat(c.getRequesterName()).isEqualTo(secretary.getDisplayName());
        });
        assertThat(closings.closed(secretary.getOrgId(), last)).isNull();
    }
}
