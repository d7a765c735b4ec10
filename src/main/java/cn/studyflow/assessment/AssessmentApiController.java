package cn.studyflow.assessment;

import cn.studyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assessments")
@Tag(name = "assessments", description = "The yearly assessment (考核): scores from weighted indicators, grades and comments")
@RequiredArgsConstructor
class AssessmentApiController {

    private final AssessmentService assessments;
    private final AssessmentWeights weights;

    /** What a grader sends: {@code version} is the grade's version read, null when there was none. */
    record GradeRequest(Integer year, String grade, String comment, Integer version) {
    }

    @GetMapping
    @Operation(summary = "The organisations below my own (publicity department) ranked by their score of a year (default: this year)")
    AssessmentService.Ranking ranking(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
        return assessments.ranking(user, year);
    }

    @GetMapping("/{orgId}")
    @Operation(summary = "One organisation's assessment of a year: score by indicator, grade, history")
    AssessmentService.View view(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
                                @RequestParam(required = false) Integer year) {
        return assessments.view(user, orgId, year);
    }

    @PutMapping("/{orgId}/grade")
    @Operation(summary = "Records the grade (EXCELLENT, GOOD, FAIR, POOR) and comment of an organisation's year;"
        + " 409 naming who saved first when the version read is stale")
    Assessment grade(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId, @RequestBody GradeRequest request) {
        return assessments.grade(user, orgId, request.year(), AssessmentService.grade(request.grade()), request.comment(),
            request.version());
    }

    @GetMapping("/weights")
    @Operation(summary = "The weights of the indicators in force")
    Weights weights() {
        return weights.current();
    }

    @PutMapping("/weights")
    @Operation(summary = "Replaces the weights (administrators): whole numbers, none negative, summing to 100")
    Weights saveWeights(@AuthenticationPrincipal CurrentUser user, @RequestBody Map<Indicator, Integer> request) {
        return weights.save(user, request);
    }
}
