package cn.studyflow.lecture;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.upload.WordDocument;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monthly progress view of the lecture selection and its quarterly report (.docx). */
@Controller
@RequiredArgsConstructor
class LectureProgressController {

    static final String PROGRESS_VIEW = "lecture/progress";

    private final LectureProgress progress;
    private final MessageSource messages;
    private final Clock clock;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    @GetMapping("/lectures/progress")
    String month(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) Integer month, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int y = year == null ? today.getYear() : year;
        int m = month == null ? today.getMonthValue() : month;
        model.addAttribute("progress", progress.month(user, y, m));
        model.addAttribute("quarter", (m - 1) / 3 + 1);
        return PROGRESS_VIEW;
    }

    /** The quarter's report: a table for each month, then the quarter's totals, an organisation a row. */
    @GetMapping("/lectures/progress/report.docx")
    ResponseEntity<Resource> report(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
                                    @RequestParam int quarter, Locale locale) {
        List<LectureProgress.Month> months = progress.quarter(user, year, quarter);
        WordDocument doc = new WordDocument(messages, locale);
        String title = doc.msg("lecture.progress.report", String.valueOf(year), quarter);
        doc.title(title).fact("lecture.progress.org", user.getOrg().getName());
        List<String> heads = List.of(doc.msg("lecture.entry.org"), doc.msg("lecture.progress.entries"),
            doc.msg("lecture.progress.given"), doc.msg("lecture.progress.rounds"));
        for (int i = 0; i < months.size(); i++) {
            LectureProgress.Month m = months.get(i);
            doc.heading(i < 3 ? doc.msg("lecture.progress.month", String.valueOf(m.month().getYear()),
                m.month().getMonthValue()) : doc.msg("lecture.progress.total"));
            doc.table(heads, m.rows().stream().map(r -> List.of(r.orgName(), String.valueOf(r.entries()),
                String.valueOf(r.given()), String.valueOf(r.rounds()))).toList());
        }
        return doc.response(title, "lecture-progress-" + year + "-q" + quarter);
    }
}
