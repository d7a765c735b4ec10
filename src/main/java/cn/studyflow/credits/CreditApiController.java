package cn.studyflow.credits;

import cn.studyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/credits")
@Tag(name = "credits", description = "Study credits (学分): rules, standings against each rank's target, personal records")
@RequiredArgsConstructor
class CreditApiController {

    private final CreditStandings standings;
    private final PersonalRecord records;
    private final CreditRules rules;

    @GetMapping("/orgs/{orgId}/standings")
    @Operation(summary = "The credits of a year per person of an organisation (its secretary, leader and deputy; superiors), "
        + "or of its subtree (subtree=true, superiors only): earned, target, short by, retraining (调训) after two short years")
    List<CreditStanding> standings(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
                                   @RequestParam(required = false) Integer year,
                                   @RequestParam(defaultValue = "false") boolean subtree,
                                   @RequestParam(defaultValue = "false") boolean shortOnly) {
        List<CreditStanding> rows = standings.standings(user, orgId, year == null ? standings.thisYear() : year, subtree);
        return shortOnly ? rows.stream().filter(CreditStanding::isShort).toList() : rows;
    }

    @GetMapping("/people/{personId}")
    @Operation(summary = "A person's record of a year: sessions and attendance, chaired or spoken at, approved materials, "
        + "make-ups, and the credit lines each with its source (one's own; the organisation's keepers; superiors)")
    PersonalRecord.View record(@AuthenticationPrincipal CurrentUser user, @PathVariable long personId,
                               @RequestParam(required = false) Integer year) {
        return records.of(user, personId, year == null ? standings.thisYear() : year);
    }

    @GetMapping("/rules")
    @Operation(summary = "The credit rules: the default of application.yml and each saved rule with the day it applies from")
    CreditRules.RuleBook rules() {
        return rules.book();
    }

    @PostMapping("/rules")
    @Operation(summary = "A new rule from a day (system administrators): every item of the default, none negative, "
        + "the make-up share at most 1; closed years keep their credits")
    CreditRule saveRule(@AuthenticationPrincipal CurrentUser user, @RequestBody(required = false) RuleRequest request) {
        return rules.save(user, request == null ? null : request.effectiveFrom(),
            request == null || request.items() == null ? Map.of() : request.items());
    }

    record RuleRequest(LocalDate effectiveFrom, Map<String, String> items) {
    }
}
