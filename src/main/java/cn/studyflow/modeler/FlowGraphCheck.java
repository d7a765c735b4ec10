package cn.studyflow.modeler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Refuses diagrams that cannot run as drawn or that would keep the engine busy, scope by scope (the process,
 * then each sub-process a start reaches): a step no start event reaches, a step from which no end event can
 * be reached (an unconnected user task), and a loop that no person's step holds up. Boundary events count as
 * reached with their step; event sub-processes as reached with their scope, which they end within themselves.
 */
final class FlowGraphCheck {

    private static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateThrowEvent",
        "intermediateCatchEvent", "boundaryEvent", "userTask", "serviceTask", "sendTask", "businessRuleTask", "task",
        "manualTask", "receiveTask", "scriptTask", "exclusiveGateway", "inclusiveGateway", "parallelGateway",
        "eventBasedGateway", "complexGateway", "subProcess", "callActivity", "transaction", "adHocSubProcess");

    void check(Diagram diagram, List<BpmnProblem> problems) {
        for (Element process : Diagram.children(diagram.root(), "process")) {
            scope(process, problems);
        }
    }

    /** One scope's flow nodes and the edges between them: sequence flows, and a step to its boundary events. */
    private record Graph(Map<String, Element> nodes, Map<String, List<String>> flows, Map<String, List<String>> boundaries) {

        List<String> next(String id) {
            List<String> next = new ArrayList<>(flows.getOrDefault(id, List.of()));
            next.addAll(boundaries.getOrDefault(id, List.of()));
            return next;
        }
    }

    private void scope(Element scope, List<BpmnProblem> problems) {
        Graph graph = graph(scope);
        Set<String> starts = new HashSet<>();
        Set<String> ends = new HashSet<>();
        graph.nodes().forEach((id, node) -> {
            if (Diagram.isBpmn(node, "startEvent") || isEventSubProcess(node)) {
                starts.add(id);
            }
            if (Diagram.isBpmn(node, "endEvent") || isEventSubProcess(node)) {
                ends.add(id);
            }
        });

        Set<String> reached = search(starts, graph::next);
        Map<String, List<String>> backwards = new HashMap<>();
        graph.nodes().keySet().forEach(id -> graph.next(id).forEach(to -> backwards.computeIfAbsent(to, k -> new ArrayList<>()).add(id)));
        Set<String> ending = search(ends, id -> backwards.getOrDefault(id, List.of()));

        graph.nodes().forEach((id, node) -> {
            if (!reached.contains(id)) {
                problems.add(BpmnProblem.error(id, "modeler.graph.unreachable", id));
            } else if (!ending.contains(id) || !ends.contains(id) && graph.flows().getOrDefault(id, List.of()).isEmpty()) {
                problems.add(BpmnProblem.error(id, "modeler.graph.deadEnd", id));
            }
        });
        loops(graph, problems);
        graph.nodes().forEach((id, node) -> {
            if (reached.contains(id) && Diagram.isBpmn(node, "subProcess")) {
                scope(node, problems);
            }
        });
    }

    private static Graph graph(Element scope) {
        Map<String, Element> nodes = new LinkedHashMap<>();
        Map<String, List<String>> flows = new HashMap<>();
        Map<String, List<String>> boundaries = new HashMap<>();
        for (Node n = scope.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && BpmnAllowlist.BPMN.equals(e.getNamespaceURI())
                && FLOW_NODES.contains(e.getLocalName()) && !e.getAttribute("id").isEmpty()) {
                nodes.put(e.getAttribute("id"), e);
            }
        }
        for (Element flow : Diagram.children(scope, "sequenceFlow")) {
            String source = flow.getAttribute("sourceRef");
            String target = flow.getAttribute("targetRef");
            // a flow leaving its scope is the engine parser's to report
            if (nodes.containsKey(source) && nodes.containsKey(target)) {
                flows.computeIfAbsent(source, k -> new ArrayList<>()).add(target);
            }
        }
        nodes.forEach((id, node) -> {
            String attachedTo = node.getAttribute("attachedToRef");
            if (Diagram.isBpmn(node, "boundaryEvent") && nodes.containsKey(attachedTo)) {
                boundaries.computeIfAbsent(attachedTo, k -> new ArrayList<>()).add(id);
            }
        });
        return new Graph(nodes, flows, boundaries);
    }

    private static Set<String> search(Set<String> from, java.util.function.Function<String, List<String>> next) {
        Set<String> seen = new HashSet<>(from);
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            for (String to : next.apply(todo.pop())) {
                if (seen.add(to)) {
                    todo.push(to);
                }
            }
        }
        return seen;
    }

    /**
     * A loop must wait for a person: leaving a user task (or a sub-process with one) by its own flows is the
     * only way round that counts. Leaving it by a timer on its boundary does not: a short or past timer would go
     * round again at once. So the flows out of waiting steps are cut, and whatever still forms a cycle is refused,
     * once for each group of steps that go round together.
     */
    private static void loops(Graph graph, List<BpmnProblem> problems) {
        Map<String, List<String>> edges = new HashMap<>();
        graph.nodes().forEach((id, node) -> {
            List<String> next = new ArrayList<>(graph.boundaries().getOrDefault(id, List.of()));
            if (!waits(node)) {
                next.addAll(graph.flows().getOrDefault(id, List.of()));
            }
            edges.put(id, next);
        });
        for (List<String> component : new Tarjan(edges).components()) {
            String first = component.get(0);
            if (component.size() > 1 || edges.get(first).contains(first)) {
                String shown = graph.nodes().keySet().stream().filter(component::contains).findFirst().orElse(first);
                List<String> steps = ordered(graph, component);
                // a message, not a listing: a long loop is named by its first steps
                String named = String.join(" → ", steps.subList(0, Math.min(steps.size(), 8)))
                    + (steps.size() > 8 ? " → …" : "");
                problems.add(BpmnProblem.error(shown, "modeler.graph.loop", named));
            }
        }
    }

    private static List<String> ordered(Graph graph, List<String> component) {
        return graph.nodes().keySet().stream().filter(component::contains).toList();
    }

    private static boolean waits(Element node) {
        if (Diagram.isBpmn(node, "userTask")) {
            return true;
        }
        return Diagram.isBpmn(node, "subProcess")
            && node.getElementsByTagNameNS(BpmnAllowlist.BPMN, "userTask").getLength() > 0;
    }

    private static boolean isEventSubProcess(Element node) {
        return Diagram.isBpmn(node, "subProcess") && "true".equals(node.getAttribute("triggeredByEvent").strip());
    }

    /**
     * Strongly connected components (Tarjan), with an explicit stack: a file at the size limit can hold a chain
     * of thousands of steps, too deep for recursion.
     */
    private static final class Tarjan {

        private final Map<String, List<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<List<String>> components = new ArrayList<>();

        Tarjan(Map<String, List<String>> edges) {
            this.edges = edges;
        }

        List<List<String>> components() {
            for (String node : edges.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        /** A node being visited and how many of its edges are done. */
        private record Frame(String node, int next) {
        }

        private void visit(String root) {
            Deque<Frame> calls = new ArrayDeque<>();
            enter(root);
            calls.push(new Frame(root, 0));
            while (!calls.isEmpty()) {
                Frame frame = calls.pop();
                List<String> out = edges.getOrDefault(frame.node(), List.of());
                if (frame.next() < out.size()) {
                    calls.push(new Frame(frame.node(), frame.next() + 1));
                    String next = out.get(frame.next());
                    if (!index.containsKey(next)) {
                        enter(next);
                        calls.push(new Frame(next, 0));
                    } else if (onStack.contains(next)) {
                        low.merge(frame.node(), index.get(next), Math::min);
                    }
                    continue;
                }
                if (!calls.isEmpty()) {
                    low.merge(calls.peek().node(), low.get(frame.node()), Math::min);
                }
                if (low.get(frame.node()).equals(index.get(frame.node()))) {
                    List<String> component = new ArrayList<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(frame.node()));
                    components.add(component);
                }
            }
        }

        private void enter(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
        }
    }
}
