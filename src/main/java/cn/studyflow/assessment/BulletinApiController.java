package cn.studyflow.assessment;

import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/bulletins")
@Tag(name = "bulletins", description = "Bulletins (学习通报) of a subtree for a year or quarter: draft, edit, publish")
@RequiredArgsConstructor
class BulletinApiController {

    private static final int MAX_PAGE_SIZE = 100;

    private final BulletinService bulletins;
    private final BulletinWord word;

    record GenerateRequest(Long orgId, Integer year, Integer quarter) {
    }

    record EditRequest(String title, String body, Integer version) {
    }

    record PublishRequest(Integer version) {
    }

    record Published(Bulletin bulletin, int notified) {
    }

    @GetMapping
    @Operation(summary = "The bulletins I may read, newest first (my department's drafts too)")
    PageOf<Bulletin> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        int s = PageOf.size(size, MAX_PAGE_SIZE);
        return bulletins.page(user, PageOf.page(page, s), s);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One bulletin")
    Bulletin get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return bulletins.get(user, id).bulletin();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Writes a draft for the subtree of orgId (default: my organisation) and a year or quarter (1-4)"
        + " from the figures")
    Bulletin generate(@AuthenticationPrincipal CurrentUser user, @RequestBody GenerateRequest request, Locale locale) {
        return bulletins.generate(user, request.orgId(), request.year(), request.quarter(), locale);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Saves the title and text of a draft read at version; 409 once published or changed meanwhile")
    Bulletin edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody EditRequest request) {
        return bulletins.edit(user, id, request.title(), request.body(), request.version());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publishes a draft read at version and notifies the leader and secretary of every organisation"
        + " of the subtree")
    Published publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @RequestBody PublishRequest request) {
        int told = bulletins.publish(user, id, request.version());
        return new Published(bulletins.get(user, id).bulletin(), told);
    }

    @GetMapping("/{id}/docx")
    @Operation(summary = "The bulletin as a Word document (.docx)")
    ResponseEntity<Resource> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
        return word.download(id, user, locale);
    }
}
