package cn.studyflow.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Walks a deployed BPMN model along its approval path, the way every StudyFlow process is drawn: a review
 * step is followed by a gateway whose flows test {@code decision == 'approve'} and {@code decision == 'return'}.
 * Flows that test {@code 'return'} lead back and are not part of the path; at a gateway the approve flow wins,
 * then the default flow, then the unconditional ones. Subprocesses are entered and left through their start
 * and end events. This is what "what comes next" and "which earlier steps may I return to" are computed from,
 * so that both work for steps an administrator adds later.
 */
final class ProcessGraph {

    private static final Pattern RETURN_FLOW = Pattern.compile(
        "decision\\s*==\\s*['\"]return['\"]|decision\\s*!=\\s*['\"]approve['\"]");
    private static final Pattern APPROVE_FLOW = Pattern.compile("decision\\s*==\\s*['\"]approve['\"]");

    private ProcessGraph() {
    }

    /** The user tasks ahead of {@code activityId} on the approval path, nearest first; the step itself excluded. */
    static List<UserTask> ahead(BpmnModelInstance model, String activityId) {
        FlowNode start = model.getModelElementById(activityId);
        if (start == null) {
            return List.of();
        }
        List<UserTask> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(start.getId()));
        Deque<FlowNode> queue = new ArrayDeque<>();
        next(start).forEach(queue::add);
        while (!queue.isEmpty()) {
            FlowNode node = queue.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof UserTask task) {
                found.add(task);
            }
            if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
                startEvents(sub).forEach(queue::add);
                continue;
            }
            next(node).forEach(queue::add);
        }
        return found;
    }

    /** The user tasks that lie before {@code activityId} on a forward path to it (return flows not followed). */
    static Set<String> before(BpmnModelInstance model, String activityId) {
        FlowNode target = model.getModelElementById(activityId);
        if (target == null) {
            return Set.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<FlowNode> queue = new ArrayDeque<>(previous(target));
        while (!queue.isEmpty()) {
            FlowNode node = queue.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof UserTask) {
                found.add(node.getId());
            }
            queue.addAll(previous(node));
        }
        found.remove(activityId);
        return found;
    }

    private static List<FlowNode> next(FlowNode node) {
        if (node instanceof EndEvent && node.getParentElement() instanceof SubProcess sub) {
            return next(sub);
        }
        return choose(node).stream().map(SequenceFlow::getTarget).toList();
    }

    private static List<SequenceFlow> choose(FlowNode node) {
        List<SequenceFlow> flows = node.getOutgoing().stream().filter(f -> !isReturn(f)).toList();
        if (flows.size() <= 1 || node instanceof ParallelGateway) {
            return flows;
        }
        List<SequenceFlow> approve = flows.stream().filter(f -> matches(f, APPROVE_FLOW)).toList();
        if (!approve.isEmpty()) {
            return approve;
        }
        SequenceFlow byDefault = node instanceof ExclusiveGateway g ? g.getDefault()
            : node instanceof InclusiveGateway g ? g.getDefault() : null;
        if (byDefault != null) {
            return List.of(byDefault);
        }
        List<SequenceFlow> unconditional = flows.stream().filter(f -> f.getConditionExpression() == null).toList();
        return unconditional.isEmpty() ? flows : unconditional;
    }

    /** The nodes directly before {@code node}, looking into a subprocess from behind and out of it from its start. */
    private static List<FlowNode> previous(FlowNode node) {
        List<FlowNode> result = new ArrayList<>();
        for (SequenceFlow flow : node.getIncoming()) {
            if (isReturn(flow)) {
                continue;
            }
            if (flow.getSource() instanceof SubProcess sub) {
                result.addAll(endEvents(sub));
            } else {
                result.add(flow.getSource());
            }
        }
        if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess sub) {
            result.addAll(previous(sub));
        }
        if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
            result.addAll(previous(boundary.getAttachedTo()));
        }
        return result;
    }

    private static List<FlowNode> startEvents(SubProcess sub) {
        return children(sub.getFlowElements()).stream()
            .filter(n -> n instanceof StartEvent start && start.getEventDefinitions().isEmpty())
            .toList();
    }

    private static List<FlowNode> endEvents(SubProcess sub) {
        return children(sub.getFlowElements()).stream().filter(n -> n instanceof EndEvent).toList();
    }

    private static List<FlowNode> children(Collection<FlowElement> elements) {
        List<FlowNode> nodes = new ArrayList<>();
        for (ModelElementInstance e : elements) {
            if (e instanceof FlowNode n) {
                nodes.add(n);
            }
        }
        return nodes;
    }

    private static boolean isReturn(SequenceFlow flow) {
        return matches(flow, RETURN_FLOW);
    }

    private static boolean matches(SequenceFlow flow, Pattern pattern) {
        return flow.getConditionExpression() != null && flow.getConditionExpression().getTextContent() != null
            && pattern.matcher(flow.getConditionExpression().getTextContent()).find();
    }
}
