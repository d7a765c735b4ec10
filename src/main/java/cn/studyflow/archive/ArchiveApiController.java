package cn.studyflow.archive;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/archive")
@Tag(name = "archive", description = "The study year on record (学习档案): archive download, closing and reopening a year")
@RequiredArgsConstructor
class ArchiveApiController {

    private final ArchiveService archives;
    private final YearClosings closings;

    /** A year of an organisation: {@code orgId}, {@code year}; the note or reason where one is asked. */
    record YearRequest(Long orgId, Integer year, String note, String reason) {
    }

    @GetMapping
    @Operation(summary = "What an organisation's archive of a year holds, its state (open, closing requested, closed, reopened) and what I may do: the secretary, leader and deputy their organisation, a superior its subtree")
    ArchiveOverview get(@AuthenticationPrincipal CurrentUser user, @RequestParam long orgId, @RequestParam int year,
                        Locale locale) {
        return archives.overview(user, orgId, year, locale);
    }

    @GetMapping(value = "/download", produces = ArchiveService.ZIP)
    @Operation(summary = "The archive of a year as one .zip, streamed: table of contents and summary (.docx), files by month and session, attendance (.xlsx); 400 for a year with nothing")
    void download(@AuthenticationPrincipal CurrentUser user, @RequestParam long orgId, @RequestParam int year,
                  Locale locale, HttpServletResponse response) throws IOException {
        archives.download(user, orgId, year, locale, response);
    }

    @PostMapping("/closing")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask the leader to close a year (the secretary): orgId, year, note; the leader decides in the tasklist")
    ArchiveOverview requestClosing(@AuthenticationPrincipal CurrentUser user, @RequestBody YearRequest request,
                                   Locale locale) {
        YearRequest r = require(request);
        closings.request(user, r.orgId(), r.year(), r.note());
        return archives.overview(user, r.orgId(), r.year(), locale);
    }

    @PostMapping("/reopen")
    @Operation(summary = "Reopen a closed year (the leader, or an administrator of the subtree): orgId, year, reason (required, recorded)")
    ArchiveOverview reopen(@AuthenticationPrincipal CurrentUser user, @RequestBody YearRequest request,
                           Locale locale) {
        YearRequest r = require(request);
        closings.reopen(user, r.orgId(), r.year(), r.reason());
        return archives.overview(user, r.orgId(), r.year(), locale);
    }

    private static YearRequest require(YearRequest request) {
        if (request == null || request.orgId() == null || request.year() == null) {
            throw BusinessException.invalid("error.badRequest");
        }
        return request;
    }
}
