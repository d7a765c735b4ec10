package cn.studyflow.bare;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anchor of issue 19's benchmarks: the bare Camunda engine behind the thinnest HTTP layer, plain Spring MVC
 * with JSON and no security (the caller names the person acting; who may act is not checked, which StudyFlow must
 * do, so the anchor is the cheaper side on purpose). A three-step approval with the material review's request
 * pattern: start; then at each step list the group's tasks, find the instance's task, and decide (claim, comment
 * and complete in one transaction, as StudyFlow's steps do): ten requests a flow.
 */
@SpringBootApplication
@RestController
public class BareEngineApp {

    static final String PROCESS = "threeStepApproval";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final TransactionTemplate transaction;
    private final ApplicationAvailability availability;

    BareEngineApp(RuntimeService runtime, TaskService tasks, RepositoryService repository,
                  TransactionTemplate transaction, ApplicationAvailability availability) {
        this.availability = availability;
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.transaction = transaction;
    }

    public static void main(String[] args) {
        SpringApplication.run(BareEngineApp.class, args);
    }

    /** Deploys the approval once; a restart finds the same file and deploys nothing. */
    @Bean
    ApplicationRunner deployApproval() {
        return args -> repository.createDeployment().name("bare-engine")
            .addClasspathResource("three-step-approval.bpmn")
            .enableDuplicateFiltering(false)
            .deploy();
    }

    /**
     * UP once start-up is over (the approval deployed: Spring's readiness comes after the runners) and the engine
     * answers a query on the database; 503 before. StartupBench asks StudyFlow the same through its health probes.
     */
    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "OUT_OF_SERVICE"));
        }
        return ResponseEntity.ok(Map.of("status", "UP",
            "definitions", repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count()));
    }

    record Start(long orgId, String title) {
    }

    @PostMapping("/approvals")
    Map<String, Object> start(@RequestBody Start start) {
        String id = runtime.startProcessInstanceByKey(PROCESS, "APPROVAL:" + System.nanoTime(),
            Map.of("orgId", start.orgId(), "title", start.title())).getId();
        return Map.of("processInstanceId", id);
    }

    record TaskView(String id, String step, String name, String processInstanceId) {
        static TaskView of(Task t) {
            return new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getProcessInstanceId());
        }
    }

    /** The group's open tasks, newest first, one page. */
    @GetMapping("/tasks")
    List<TaskView> groupTasks(@RequestParam String group, @RequestParam(defaultValue = "20") int size) {
        return tasks.createTaskQuery().taskCandidateGroup(group).orderByTaskCreateTime().desc()
            .listPage(0, size).stream().map(TaskView::of).toList();
    }

    /** The instance and the steps it waits at. */
    @GetMapping("/approvals/{id}")
    Map<String, Object> approval(@PathVariable String id) {
        List<TaskView> steps = tasks.createTaskQuery().processInstanceId(id).list().stream().map(TaskView::of).toList();
        return Map.of("processInstanceId", id, "title", runtime.getVariable(id, "title"), "currentSteps", steps);
    }

    record Decide(String user, String decision, String comment) {
    }

    /** Claims the task for the person, records the comment and completes it, in one transaction. */
    @PostMapping("/tasks/{id}/complete")
    Map<String, Object> decide(@PathVariable String id, @RequestBody Decide decide) {
        transaction.executeWithoutResult(status -> {
            Task task = tasks.createTaskQuery().taskId(id).singleResult();
            if (task == null) {
                throw new NullValueException("No task " + id);
            }
            tasks.claim(id, decide.user());
            tasks.createComment(id, task.getProcessInstanceId(), decide.comment());
            tasks.complete(id, Map.of("decision", decide.decision(), "comment", decide.comment()));
        });
        return Map.of("completed", id);
    }

    @ExceptionHandler(NullValueException.class)
    ResponseEntity<Map<String, String>> notFound(NullValueException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "not found"));
    }

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ResponseEntity<Map<String, String>> taken(TaskAlreadyClaimedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
    }
}
