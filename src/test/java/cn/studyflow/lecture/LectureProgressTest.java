package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.support.StudyGroup;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The follow-up: a month's lectures entered, given at home and rounds opened per organisation, read within one's
 * scope; the quarter's report as a Word document with the same figures; a month or quarter that does not exist.
 */
class LectureProgressTest extends LectureFixture {

    @Autowired LectureProgress progress;

    LocalDate today = LocalDate.now(StudyGroup.ZONE);

    @Test
    void theMonthCountsEachOrganisationsEntriesLecturesGivenAndRounds() {
        EntryForm given = entryForm("本月实讲的党课");
        given.setHomeDate(today);
        entries.enter(member, given, null, null);
        EntryForm earlier = entryForm("去年实讲的党课");
        earlier.setHomeDate(today.minusYears(1));
        entries.enter(member2, earlier, null, null);
        LectureEntry withdrawn = enter(member2, "撤回的党课");
        entries.withdraw(withdrawn.getId(), member2);

        LectureProgress.Month month = progress.month(countyDept, today.getYear(), today.getMonthValue());
        assertThat(month.rows()).extracting(LectureProgress.Row::orgName).as("own first, then those with figures")
            .containsExactly(county.getName(), town.getName());
        assertThat(row(month, town.getId())).isEqualTo(new LectureProgress.Row(town.getId(), town.getName(), 2, 1, 1));
        assertThat(row(month, county.getId()).entries()).isZero();

        LectureProgress.Month lastYear = progress.month(countyDept, today.getYear() - 1, today.getMonthValue());
        assertThat(row(lastYear, town.getId()).given()).as("given a year ago, entered now").isEqualTo(1);
        assertThat(row(lastYear, town.getId()).entries()).isZero();

        assertThat(progress.month(town2Member, today.getYear(), today.getMonthValue()).rows())
            .as("a member sees their own organisation only").extracting(LectureProgress.Row::orgId)
            .containsExactly(town2.getId());
        refused(() -> progress.month(countyDept, today.getYear(), 13), HttpStatus.BAD_REQUEST, "lecture.error.period");
        refused(() -> progress.quarter(countyDept, today.getYear(), 0), HttpStatus.BAD_REQUEST, "lecture.error.period");
    }

    @Test
    void thePageAndTheQuarterlyReportShowTheSameFigures() throws Exception {
        EntryForm given = entryForm("本月实讲的党课");
        given.setHomeDate(today);
        entries.enter(member, given, null, null);
        int quarter = (today.getMonthValue() - 1) / 3 + 1;

        mvc.perform(get("/lectures/progress").with(as(countyDept.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("progress-" + town.getId() + "\"")))
            .andExpect(content().string(containsString("report.docx?year=" + today.getYear() + "&amp;quarter=" + quarter)));
        mvc.perform(get("/lectures/progress").param("month", "13").with(as(countyDept.getUsername())))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/lectures/progress").param("year", String.valueOf(today.getYear()))
                .param("month", String.valueOf(today.getMonthValue())).with(as(countyDept.getUsername())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.rows[?(@.orgId == " + town.getId() + ")].given").value(1));
        mvc.perform(get("/api/lectures/progress").param("year", String.valueOf(today.getYear()))
                .param("month", String.valueOf(today.getMonthValue())).with(as(town2Member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.rows[?(@.orgId == " + town.getId() + ")]").isEmpty());

        byte[] docx = mvc.perform(get("/lectures/progress/report.docx").param("year", String.valueOf(today.getYear()))
                .param("quarter", String.valueOf(quarter)).with(as(countyDept.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
            .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains(today.getYear() + "年第" + quarter + "季度", county.getName(), "本季度合计");
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).as("three months and the totals").hasSize(4);
            XWPFTable totals = tables.get(3);
            assertThat(totals.getRows()).anySatisfy(r -> {
                assertThat(r.getCell(0).getText()).isEqualTo(town.getName());
                assertThat(List.of(r.getCell(1).getText(), r.getCell(2).getText(), r.getCell(3).getText()))
                    .containsExactly("1", "1", "1");
            });
        }
        byte[] other = mvc.perform(get("/lectures/progress/report.docx").param("year", String.valueOf(today.getYear()))
                .param("quarter", String.valueOf(quarter)).with(as(town2Member.getUsername())))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(other))) {
            assertThat(new XWPFWordExtractor(doc).getText()).as("not outside one's scope").doesNotContain(town.getName());
        }
    }

    private static LectureProgress.Row row(LectureProgress.Month month, long orgId) {
        return month.rows().stream().filter(r -> r.orgId() == orgId).findFirst().orElseThrow();
    }
}
