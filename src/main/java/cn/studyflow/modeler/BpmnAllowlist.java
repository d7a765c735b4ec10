package cn.studyflow.modeler;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every element and attribute a diagram may contain, in every namespace, each with the reason it is allowed.
 * Whatever is not listed here is refused ({@link AllowlistCheck}), so a construct the engine learns in a later
 * version, an old {@code activiti:} attribute or an attribute without a prefix is refused until someone adds
 * it here on purpose. Names are written with fixed prefixes whatever prefix a file uses: {@code bpmn:},
 * {@code bpmndi:}, {@code dc:}, {@code di:}, {@code camunda:}, {@code xsi:}, {@code modeler:}, {@code bioc:},
 * {@code color:}; an attribute without a namespace has no prefix.
 */
final class BpmnAllowlist {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** The engine still reads this old namespace as if it were Camunda's; nothing in it is allowed. */
    static final String ACTIVITI = "http://activiti.org/bpmn";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    static final String BIOC = "http://bpmn.io/schema/bpmn/biocolor/1.0";
    static final String COLOR = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";

    // activiti has a prefix for the messages only: the table holds nothing of it
    private static final Map<String, String> PREFIXES = Map.of(BPMN, "bpmn", BPMNDI, "bpmndi", DC, "dc", DI, "di",
        CAMUNDA, "camunda", ACTIVITI, "activiti", XSI, "xsi", MODELER, "modeler", BIOC, "bioc", COLOR, "color");

    private static final String STRUCTURE = "BPMN structure the engine reads as data, never as code";
    private static final String DRAWING = "where the diagram draws an element; the engine ignores it";
    private static final String ASYNC = "a transaction boundary: the engine commits and continues in a job (StudyFlow"
        + " uses asyncAfter so that parallel multi-instance steps do not contend); no code is named";
    private static final String FORM = "offered by the properties panel's form group; the engine only stores the"
        + " key on the task, StudyFlow shows its own decision form";
    private static final String[] FLOW_ASYNC = {"camunda:asyncBefore", "camunda:asyncAfter", "camunda:exclusive"};

    /** One allowed element: where it may appear (null: anywhere), its attributes with their reasons, and why. */
    record Entry(String name, Set<String> parents, Map<String, String> attributes, String reason) {

        boolean allowsParent(String parent) {
            return parents == null || parents.contains(parent);
        }
    }

    private static final Map<String, Entry> ELEMENTS = table(
        bpmn("definitions", "the file's root", "id", "name", "targetNamespace", "exporter", "exporterVersion")
            .with("modeler:executionPlatform", "Camunda Modeler's note of the engine a file is made for; not read by"
                + " the engine")
            .with("modeler:executionPlatformVersion", "Camunda Modeler's note of the engine version; not read by"
                + " the engine"),
        bpmn("process", "the process; StudyFlow's rules check its key", "id", "name", "isExecutable")
            .with("camunda:historyTimeToLive", "required: history is cleaned up after this many days")
            .with("camunda:versionTag", "required: makes versions recognisable"),
        bpmn("documentation", "text shown to people", "id", "textFormat"),
        bpmn("extensionElements", "holds the Camunda elements listed here"),
        bpmn("startEvent", "where a process or sub-process starts (timer start events are refused as a limit)",
            "id", "name", "isInterrupting").async().form(),
        bpmn("endEvent", "where a path ends", "id", "name").async(),
        bpmn("intermediateThrowEvent", "a milestone drawn on a path; without an event definition it does nothing",
            "id", "name").async(),
        bpmn("intermediateCatchEvent", "waits for a timer (the only event definition allowed)", "id", "name").async(),
        bpmn("boundaryEvent", "a timer on a step: reminders and deadlines", "id", "name", "attachedToRef",
            "cancelActivity").async(),
        bpmn("timerEventDefinition", "reminders and deadlines; cycles are limited", "id"),
        bpmn("timeDate", "when a timer fires, from business data", "id", "xsi:type"),
        bpmn("timeDuration", "how long a timer waits", "id", "xsi:type"),
        bpmn("timeCycle", "a repeating timer, no more often than studyflow.modeler.min-timer-cycle", "id", "xsi:type"),
        bpmn("terminateEventDefinition", "ends the whole instance; calls nothing", "id"),
        bpmn("sequenceFlow", "connects steps", "id", "name", "sourceRef", "targetRef"),
        bpmn("conditionExpression", "a decision over process variables (a language means a script: refused)", "id",
            "xsi:type"),
        bpmn("incoming", STRUCTURE),
        bpmn("outgoing", STRUCTURE),
        bpmn("userTask", "a step a person does; StudyFlow's tasklist shows it", "id", "name").async().form()
            .with("camunda:assignee", "the one person who does the task (a process variable)")
            .with("camunda:candidateGroups", "the organisation roles that may do the task")
            .with("camunda:dueDate", "the deadline shown in the tasklist")
            .with("camunda:priority", "offered by the properties panel; shown by the engine, calls nothing"),
        bpmn("serviceTask", "calls one of StudyFlow's registered delegates, nothing else", "id", "name").async()
            .with("camunda:delegateExpression", "only ${beanName} of a registered delegate"),
        bpmn("sendTask", "same as a service task", "id", "name").async()
            .with("camunda:delegateExpression", "only ${beanName} of a registered delegate"),
        bpmn("businessRuleTask", "same as a service task (no decision tables)", "id", "name").async()
            .with("camunda:delegateExpression", "only ${beanName} of a registered delegate"),
        bpmn("task", "a drawn step that does nothing", "id", "name").async(),
        bpmn("manualTask", "a drawn step that does nothing", "id", "name").async(),
        bpmn("exclusiveGateway", "a decision", "id", "name", "default").async(),
        bpmn("inclusiveGateway", "a decision with several ways", "id", "name", "default").async(),
        bpmn("parallelGateway", "parallel steps", "id", "name").async(),
        bpmn("subProcess", "groups steps (also an event sub-process)", "id", "name", "triggeredByEvent").async(),
        bpmn("callActivity", "only for the processes of studyflow.modeler.callable-processes", "id", "name",
            "calledElement").async(),
        bpmn("multiInstanceLoopCharacteristics", "a step for each person of a list, or a limited number of times",
            "id", "isSequential").async()
            .with("camunda:collection", "the name of a list variable StudyFlow's code sets (e.g. the auditors)")
            .with("camunda:elementVariable", "the variable each instance gets its element in"),
        bpmn("loopCardinality", "a number, at most studyflow.modeler.max-cardinality", "id", "xsi:type"),
        bpmn("completionCondition", "a condition over process variables", "id", "xsi:type"),
        bpmn("textAnnotation", "a note on the diagram", "id", "textFormat"),
        bpmn("text", "the note's text"),
        bpmn("association", "links a note to an element", "id", "sourceRef", "targetRef", "associationDirection"),
        bpmn("group", "a frame drawn around elements", "id", "categoryValueRef"),
        bpmn("category", "the group's label", "id", "name"),
        bpmn("categoryValue", "the group's label", "id", "value"),
        bpmn("collaboration", "a pool around the process", "id", "name"),
        bpmn("participant", "a pool around the process", "id", "name", "processRef"),
        bpmn("laneSet", "lanes drawn in a pool", "id", "name"),
        bpmn("lane", "a lane drawn in a pool", "id", "name"),
        bpmn("childLaneSet", "lanes within a lane", "id", "name"),
        bpmn("flowNodeRef", "which steps a lane holds"),
        drawing("bpmndi:BPMNDiagram", "id", "name"),
        drawing("bpmndi:BPMNPlane", "id", "bpmnElement"),
        drawing("bpmndi:BPMNShape", "id", "bpmnElement", "isExpanded", "isHorizontal", "isMarkerVisible",
            "bioc:stroke", "bioc:fill", "color:background-color", "color:border-color"),
        drawing("bpmndi:BPMNEdge", "id", "bpmnElement", "sourceElement", "targetElement", "bioc:stroke", "bioc:fill",
            "color:border-color"),
        drawing("bpmndi:BPMNLabel", "id", "color:color"),
        drawing("dc:Bounds", "x", "y", "width", "height"),
        drawing("di:waypoint", "x", "y"),
        camunda("inputOutput", "local variables of a step, set from expressions over process variables",
            "bpmn:extensionElements"),
        camunda("inputParameter", "one local variable (its value is an expression checked like any other)",
            "camunda:inputOutput")
            .with("name", "the variable's name"),
        camunda("outputParameter", "copies a local variable out (its value is a checked expression)",
            "camunda:inputOutput")
            .with("name", "the variable's name"),
        camunda("executionListener", "calls a registered delegate when a step starts or ends or a flow is taken; a"
            + " registered JavaDelegate is accepted there by the engine", "bpmn:extensionElements")
            .with("event", "start, end or take")
            .with("delegateExpression", "only ${beanName} of a registered delegate"),
        camunda("in", "passes variables into a called process (call activities are allowlisted by key)",
            "bpmn:extensionElements")
            .with("source", "a variable name").with("target", "a variable name").with("variables", "all")
            .with("local", "local variables only").with("businessKey", "a checked expression"),
        camunda("out", "passes variables back from a called process", "bpmn:extensionElements")
            .with("source", "a variable name").with("target", "a variable name").with("variables", "all")
            .with("local", "local variables only"));

    private BpmnAllowlist() {
    }

    static Collection<Entry> entries() {
        return ELEMENTS.values();
    }

    /** The allowed element of this name, or null. */
    static Entry element(String namespace, String localName) {
        String prefix = PREFIXES.get(namespace);
        return prefix == null ? null : ELEMENTS.get(prefix + ":" + localName);
    }

    /** The name an element or attribute has in this table (an unknown namespace keeps its URI in braces). */
    static String name(String namespace, String localName) {
        if (namespace == null || namespace.isEmpty()) {
            return localName;
        }
        String prefix = PREFIXES.get(namespace);
        return prefix == null ? "{" + namespace + "}" + localName : prefix + ":" + localName;
    }

    private static Map<String, Entry> table(Builder... builders) {
        Map<String, Entry> table = new LinkedHashMap<>();
        Arrays.stream(builders).map(Builder::build).forEach(e -> table.put(e.name(), e));
        return Map.copyOf(table);
    }

    private static Builder bpmn(String localName, String reason, String... attributes) {
        return new Builder("bpmn:" + localName, null, reason).structure(attributes);
    }

    private static Builder drawing(String name, String... attributes) {
        Builder builder = new Builder(name, null, DRAWING);
        for (String attribute : attributes) {
            builder.with(attribute, DRAWING);
        }
        return builder;
    }

    private static Builder camunda(String localName, String reason, String... parents) {
        return new Builder("camunda:" + localName, Set.of(parents), reason);
    }

    private static final class Builder {

        private final String name;
        private final Set<String> parents;
        private final String reason;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        Builder(String name, Set<String> parents, String reason) {
            this.name = name;
            this.parents = parents;
            this.reason = reason;
        }

        Builder structure(String... names) {
            for (String n : names) {
                with(n, STRUCTURE);
            }
            return this;
        }

        Builder with(String attribute, String why) {
            attributes.put(attribute, why);
            return this;
        }

        Builder async() {
            for (String n : FLOW_ASYNC) {
                with(n, ASYNC);
            }
            return this;
        }

        Builder form() {
            return with("camunda:formKey", FORM).with("camunda:formRef", FORM).with("camunda:formRefBinding", FORM)
                .with("camunda:formRefVersion", FORM);
        }

        Entry build() {
            return new Entry(name, parents, Map.copyOf(attributes), reason);
        }
    }
}
