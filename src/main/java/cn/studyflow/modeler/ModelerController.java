package cn.studyflow.modeler;

import cn.studyflow.common.Flash;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.workflow.ProcessVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The modeler's pages: processes, the versions of one, the editor, comparison and migration. */
@Controller
@RequiredArgsConstructor
class ModelerController {

    static final String LIST_VIEW = "modeler/list";
    static final String PROCESS_VIEW = "modeler/process";
    static final String EDIT_VIEW = "modeler/edit";
    static final String COMPARE_VIEW = "modeler/compare";
    static final String MIGRATE_VIEW = "modeler/migrate";

    private final ModelerService modeler;

    @GetMapping("/modeler")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("processes", modeler.processes(user));
        return LIST_VIEW;
    }

    @GetMapping("/modeler/processes/{key}")
    String process(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                   @RequestParam(required = false) Integer deployed, Model model) {
        List<ModelerService.VersionRow> versions = modeler.versions(user, key);
        model.addAttribute("key", key);
        model.addAttribute("versions", versions);
        model.addAttribute("latest", versions.isEmpty() ? null : versions.get(0).version());
        model.addAttribute("deployed", deployed);
        if (deployed != null && !model.containsAttribute("message")) {
            model.addAttribute("message", "modeler.deployed");
        }
        return PROCESS_VIEW;
    }

    @GetMapping("/modeler/processes/{key}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                @RequestParam(required = false) Integer version, Model model) {
        ProcessVersion latest = modeler.latest(user, key);
        ProcessVersion opened = version == null ? latest : modeler.version(user, key, version);
        model.addAttribute("key", key);
        model.addAttribute("opened", opened);
        model.addAttribute("latest", latest);
        model.addAttribute("versionTags", VersionTags.next(latest.versionTag()));
        return EDIT_VIEW;
    }

    @GetMapping("/modeler/processes/{key}/versions/{version}/xml")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                                    @PathVariable int version) {
        byte[] xml = modeler.xml(user, key, version).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
            .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(key + "-v" + version + ".bpmn").build().toString())
            .body(xml);
    }

    @PostMapping("/modeler/processes/{key}/rollback")
    String rollback(@AuthenticationPrincipal CurrentUser user, @PathVariable String key, @RequestParam int version,
                    @RequestParam(required = false) String comment, @RequestParam(required = false) Integer latest,
                    RedirectAttributes redirect) {
        int created = modeler.rollback(user, key, version, comment, latest).version();
        return Flash.redirect(redirect, "modeler.rolledBack", "/modeler/processes/" + key + "?deployed=" + created);
    }

    @GetMapping("/modeler/processes/{key}/compare")
    String compare(@AuthenticationPrincipal CurrentUser user, @PathVariable String key, @RequestParam int from,
                   @RequestParam int to, Model model) {
        model.addAttribute("key", key);
        model.addAttribute("from", modeler.version(user, key, from));
        model.addAttribute("to", modeler.version(user, key, to));
        model.addAttribute("changes", modeler.compare(user, key, from, to));
        model.addAttribute("versions", modeler.versions(user, key));
        return COMPARE_VIEW;
    }

    @GetMapping("/modeler/processes/{key}/migrate")
    String migration(@AuthenticationPrincipal CurrentUser user, @PathVariable String key, @RequestParam int from,
                     Model model) {
        model.addAttribute("key", key);
        model.addAttribute("view", modeler.migration(user, key, from));
        return MIGRATE_VIEW;
    }

    @PostMapping("/modeler/processes/{key}/migrate")
    String migrate(@AuthenticationPrincipal CurrentUser user, @PathVariable String key, @RequestParam int from,
                   @RequestParam int target, @RequestParam(name = "instance", required = false) List<String> instances,
                   RedirectAttributes redirect) {
        modeler.migrate(user, key, from, target, instances);
        return Flash.redirect(redirect, "modeler.migrated", "/modeler/processes/" + key);
    }
}
