package cn.studyflow.modeler;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.workflow.DeployedVersion;
import cn.studyflow.workflow.ProcessVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/modeler")
@Tag(name = "modeler", description = "Process versions for administrators: validate, deploy, compare")
@RequiredArgsConstructor
class ModelerApiController {

    private final ModelerService modeler;
    private final DelegateCatalog delegates;
    private final MessageSource messages;

    @GetMapping("/processes")
    @Operation(summary = "The processes StudyFlow knows, each with its newest version")
    List<ModelerService.ProcessSummary> processes(@AuthenticationPrincipal CurrentUser user) {
        return modeler.processes(user);
    }

    @GetMapping("/processes/{key}/versions")
    @Operation(summary = "Every version of a process, newest first, with who deployed it, when and why")
    List<ModelerService.VersionRow> versions(@AuthenticationPrincipal CurrentUser user, @PathVariable String key) {
        return modeler.versions(user, key);
    }

    @GetMapping("/processes/{key}/versions/{version}")
    @Operation(summary = "The BPMN XML of one version, and the newest version number")
    Map<String, Object> version(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                                @PathVariable int version) {
        ProcessVersion v = modeler.version(user, key, version);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("version", v.version());
        body.put("versionTag", v.versionTag());
        ProcessVersion latest = modeler.latest(user, key);
        body.put("latestVersion", latest.version());
        body.put("nextVersionTags", VersionTags.next(latest.versionTag()));
        body.put("xml", modeler.xml(user, key, version));
        return body;
    }

    @GetMapping("/delegates")
    @Operation(summary = "The delegates a service task may call, with their descriptions")
    List<DelegateCatalog.Delegate> delegates(@AuthenticationPrincipal CurrentUser user) {
        ModelerService.requireAdmin(user);
        return delegates.describe(LocaleContextHolder.getLocale());
    }

    @PostMapping("/processes/{key}/validate")
    @Operation(summary = "Validate a diagram as a new version of this process; nothing is deployed")
    Map<String, Object> validate(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                                 @RequestBody DiagramRequest request) {
        return report(modeler.validate(user, key, request.xml()));
    }

    @PostMapping("/processes/{key}/deployments")
    @Operation(summary = "Deploy a diagram as the new version of this process; a comment is required")
    Map<String, Object> deploy(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                               @RequestBody DiagramRequest request) {
        DeployedVersion deployed = modeler.deploy(user, key, request.xml(), request.comment(),
            request.expectedLatestVersion());
        return Map.of("version", deployed.version(), "definitionId", deployed.definitionId(),
            "url", "/modeler/processes/" + key + "?deployed=" + deployed.version());
    }

    @GetMapping("/processes/{key}/compare")
    @Operation(summary = "Elements added, removed or changed between two versions")
    List<BpmnDiff.ElementChange> compare(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                                         @RequestParam int from, @RequestParam int to) {
        return modeler.compare(user, key, from, to);
    }

    /** One side of a comparison for the diagram viewer: the version's XML with its changes marked. */
    @GetMapping("/processes/{key}/compare/diagram")
    @Operation(summary = "One version's diagram with the changes against the other version as marker classes")
    Map<String, Object> compareDiagram(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
                                       @RequestParam int from, @RequestParam int to,
                                       @RequestParam(defaultValue = "to") String side) {
        boolean old = "from".equals(side);
        Map<String, String> classes = new HashMap<>();
        for (BpmnDiff.ElementChange c : modeler.compare(user, key, from, to)) {
            boolean shown = old ? c.change() != BpmnDiff.Change.ADDED : c.change() != BpmnDiff.Change.REMOVED;
            if (c.shapeId() == null || !shown) {
                continue;
            }
            String css = "sf-diff-" + c.change().name().toLowerCase(Locale.ROOT);
            // an element both changed and holding a changed part keeps the stronger marking
            classes.merge(c.shapeId(), css, (a, b) -> a.equals("sf-diff-changed") ? b : a);
        }
        return Map.of("xml", modeler.xml(user, key, old ? from : to), "current", List.of(), "completed", List.of(),
            "classes", classes);
    }

    @ExceptionHandler(BpmnRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(BpmnRejectedException e) {
        Map<String, Object> body = report(e.report());
        body.put("status", e.getStatus().value());
        body.put("code", e.getMessageKey());
        body.put("message", messages.getMessage(e.getMessageKey(), e.getArgs(), LocaleContextHolder.getLocale()));
        return ResponseEntity.status(e.getStatus()).body(body);
    }

    private Map<String, Object> report(ValidationReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> problems = report.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("elementId", p.elementId());
            m.put("severity", p.severity().name());
            m.put("code", p.code());
            m.put("message", messages.getMessage(p.code(), p.args().toArray(), p.code(), locale));
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", report.isValid());
        body.put("problems", problems);
        return body;
    }

    record DiagramRequest(String xml, String comment, Integer expectedLatestVersion) {
    }
}
