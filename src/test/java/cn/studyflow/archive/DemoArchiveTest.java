package cn.studyflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.studyflow.archive.ArchiveSource.ArchivePart;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.support.WordText;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * What a new user of the demo finds in the archive: 卞桥镇's last year finished (its plan approved, twelve sessions
 * held, a photo, two approved materials, a make-up accepted, an audit with its records and its rectification) and
 * its closing waiting for the leader. {@code audit/DemoFinishedAuditTest} shares the context.
 */
@TestPropertySource(properties = {"studyflow.demo.sample-plans=true", "studyflow.demo.sample-sessions=true",
    "studyflow.demo.sample-material=true", "studyflow.demo.sample-makeup=true", "studyflow.demo.sample-archive=true",
    "studyflow.demo.sample-audit=true"})
class DemoArchiveTest extends IntegrationTest {

    @Autowired ArchiveService archives;
    @Autowired YearClosings closings;
    @Autowired Clock clock;
    @Autowired JdbcTemplate jdbc;

    @Test
    void lastYearOfTheTownIsFinishedAndItsClosingWaitsForTheLeader() {
        CurrentUser secretary = user("bq_secretary");
        int last = LocalDate.now(clock).getYear() - 1;

        ArchiveYear archive = archives.year(secretary, secretary.getOrgId(), last, Locale.SIMPLIFIED_CHINESE);
        Map<String, Integer> counts = archive.parts().stream()
            .collect(Collectors.toMap(ArchivePart::titleKey, ArchivePart::count));
        assertThat(counts).containsEntry("archive.part.plans", 1).containsEntry("archive.part.sessions", 12)
            .containsEntry("archive.part.materials", 2).containsEntry("archive.part.makeups", 1)
            .containsEntry("archive.part.audits", 1);
        assertThat(archive.parts().stream().flatMap(p -> p.files().stream()).map(ArchiveSource.ArchiveFile::name))
            .contains("学习现场.png", "出勤统计.xlsx");

        List<YearClosing> history = closings.history(secretary.getOrgId(), last);
        assertThat(history).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo(ClosingStatus.REQUESTED);
            assertThat(c.getRequesterName()).isEqualTo(secretary.getDisplayName());
        });
        assertThat(closings.closed(secretary.getOrgId(), last)).isNull();
    }

    @Test
    void lastYearsMaterialsShowTheirThreeReviewsAndTheirDaysOfLastYear() throws Exception {
        int last = LocalDate.now(clock).getYear() - 1;
        String today = LocalDate.now(clock).toString();
        List<Long> ids = jdbc.queryForList("SELECT m.id FROM sf_material m JOIN sf_study_session s ON s.id = m.session_id"
            + " WHERE m.status = 'ARCHIVED' AND s.session_year = ?", Long.class, last);
        assertThat(ids).hasSize(2);
        for (long id : ids) {
            // reviewed by the office, the publicity member and the leader, each on a day of that year, not today
            mvc.perform(get("/materials/{id}", id).with(as("bq_secretary")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("尚无审核意见"))))
                .andExpect(content().string(not(containsString("学习会尚未定日期"))))
                .andExpect(content().string(containsString(user("bq_office").getDisplayName())))
                .andExpect(content().string(containsString(user("bq_publicity").getDisplayName())))
                .andExpect(content().string(containsString(user("bq_leader").getDisplayName())))
                .andExpect(content().string(containsString(last + "-")))
                .andExpect(content().string(not(containsString(today))));
        }
    }

    @Test
    void theDownloadedArchiveOfLastYearHoldsTheAuditRecordWithItsRectification() throws Exception {
        int last = LocalDate.now(clock).getYear() - 1;
        String org = "" + user("bq_secretary").getOrgId();
        byte[] zip = mvc.perform(get("/archive/download").param("org", org).param("year", "" + last)
                .with(as("bq_secretary")))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray();

        List<String> audits = ArchiveZip.of(zip).paths().stream()
            .filter(p -> p.contains("/巡听/") && p.endsWith(".docx")).toList();
        assertThat(audits).singleElement().asString().startsWith("卞桥镇党委" + last + "年学习档案/学习会/" + last + "-");
        WordText record = WordText.of(ArchiveZip.of(zip).files().get(audits.get(0)));
        assertThat(record.title()).startsWith("卞桥镇党委 · ").endsWith(" · 巡听记录");
        assertThat(record.rows()).as("each auditor's scores").anySatisfy(r -> assertThat(r).endsWith("4", "4", "5", "4"))
            .anySatisfy(r -> assertThat(r).endsWith("4", "3", "5", "3"));
        assertThat(record.paragraphs())
            .anyMatch(p -> p.endsWith("整改完成"))
            .anyMatch(p -> p.startsWith(user("qz_auditor").getDisplayName() + "（") && p.endsWith("合格"))
            .anyMatch(p -> p.startsWith(user("wfz_auditor").getDisplayName() + "（") && p.endsWith("需要整改"))
            .anyMatch(p -> p.startsWith("整改到位，已通过"));
    }
}
