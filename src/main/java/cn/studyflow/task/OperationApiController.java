package cn.studyflow.task;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Person;
import cn.studyflow.common.PageOf;
import cn.studyflow.workflow.SignPosition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api")
@Tag(name = "approval operations",
    description = "转办, 委派, 加签/减签, 退回到任意环节, 撤回, 抄送, 催办, and what comes next, on any task of any process")
@RequiredArgsConstructor
class OperationApiController {

    private final ApprovalOperations operations;
    private final TasklistService tasks;
    private final Copies copies;

    @GetMapping("/tasks/{id}/operations")
    @Operation(summary = "What I may do on this task: eligible people, earlier steps, signers, next steps")
    TaskOperations available(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return operations.panel(tasks.get(id, user), user);
    }

    @GetMapping("/tasks/{id}/next-steps")
    @Operation(summary = "The steps still ahead of this task and who will hold each")
    List<NextStep> nextSteps(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return operations.nextSteps(id, user);
    }

    @PostMapping("/tasks/{id}/transfer")
    @Operation(summary = "转办: hand the task to another holder of the step's roles")
    Map<String, Object> transfer(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                 @RequestBody ToRequest request) {
        operations.transfer(id, user, request.to(), request.comment());
        return Map.of("id", id, "transferredTo", request.to());
    }

    @PostMapping("/tasks/{id}/delegate")
    @Operation(summary = "委派: ask a colleague to handle the task; it comes back when they resolve it")
    Map<String, Object> delegate(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                 @RequestBody ToRequest request) {
        operations.delegate(id, user, request.to(), request.comment());
        return Map.of("id", id, "delegatedTo", request.to());
    }

    @PostMapping("/tasks/{id}/resolve")
    @Operation(summary = "Hand a delegated task back to the person who delegated it")
    Map<String, Object> resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                @RequestBody(required = false) CommentRequest request) {
        operations.resolve(id, user, CommentRequest.commentOf(request));
        return Map.of("id", id, "resolved", true);
    }

    @PostMapping("/tasks/{id}/add-signer")
    @Operation(summary = "加签: require another person's approval BEFORE mine, or AFTER mine (which is my approval)")
    Map<String, Object> addSigner(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                  @RequestBody SignerRequest request) {
        operations.addSigner(id, user, request.to(), request.position(), request.comment());
        return Map.of("id", id, "signer", request.to(), "position", request.position());
    }

    @PostMapping("/tasks/{id}/remove-signer")
    @Operation(summary = "减签: remove an added signer who has not signed yet")
    Map<String, Object> removeSigner(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                     @RequestBody RemoveSignerRequest request) {
        operations.removeSigner(id, user, request.signer(), request.comment());
        return Map.of("id", id, "removed", request.signer());
    }

    @PostMapping("/tasks/{id}/return-to")
    @Operation(summary = "退回: move the instance back to an earlier step it has passed; a comment is required")
    Map<String, Object> returnTo(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                 @RequestBody ReturnRequest request) {
        operations.returnTo(id, user, request.step(), request.comment());
        return Map.of("id", id, "returnedTo", request.step());
    }

    @PostMapping("/tasks/{id}/copy")
    @Operation(summary = "抄送: copy people in; they are notified and may read the item")
    Map<String, Object> copy(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                             @RequestBody CopyRequest request) {
        List<Person> added = operations.copy(id, user, request.to(), request.comment());
        return Map.of("id", id, "copied", added.stream().map(Person::getUsername).toList());
    }

    @PostMapping("/instances/{processInstanceId}/urge")
    @Operation(summary = "催办: nudge whoever holds the current step (submitter or initiator; once an hour per step)")
    Map<String, Object> urge(@AuthenticationPrincipal CurrentUser user, @PathVariable String processInstanceId,
                             @RequestBody(required = false) CommentRequest request) {
        operations.urge(processInstanceId, user, CommentRequest.commentOf(request));
        return Map.of("processInstanceId", processInstanceId, "urged", true);
    }

    @PostMapping("/instances/{processInstanceId}/withdraw")
    @Operation(summary = "撤回: take a submission back while no one has acted on the next step")
    Map<String, Object> withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String processInstanceId,
                                 @RequestBody(required = false) CommentRequest request) {
        operations.withdraw(processInstanceId, user, CommentRequest.commentOf(request));
        return Map.of("processInstanceId", processInstanceId, "withdrawn", true);
    }

    @GetMapping("/instances/{processInstanceId}/next-steps")
    @Operation(summary = "The steps still ahead of an instance and who will hold each")
    List<NextStep> instanceNextSteps(@AuthenticationPrincipal CurrentUser user, @PathVariable String processInstanceId) {
        return operations.nextStepsOfInstance(processInstanceId, user);
    }

    @GetMapping("/copies")
    @Operation(summary = "What was copied to me, newest first")
    PageOf<Copy> copiedToMe(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        int s = PageOf.size(size, TasklistService.MAX_PAGE_SIZE);
        return copies.copiedTo(user, PageOf.page(page, s), s);
    }

    record ToRequest(String to, String comment) {
    }

    record CommentRequest(String comment) {

        /** The comment of a body that may be absent. */
        static String commentOf(CommentRequest request) {
            return request == null ? null : request.comment();
        }
    }

    record SignerRequest(String to, SignPosition position, String comment) {
    }

    record RemoveSignerRequest(String signer, String comment) {
    }

    record ReturnRequest(String step, String comment) {
    }

    record CopyRequest(List<String> to, String comment) {
    }
}
