package cn.studyflow.modeler;

import cn.studyflow.workflow.Delegates;
import cn.studyflow.workflow.Deployments;
import cn.studyflow.workflow.ParseProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decides whether a diagram may be deployed. A deployed diagram is code the engine runs, so this refuses
 * everything beyond what StudyFlow's own processes need, in three steps that stop at the first that fails:
 * <ol>
 *   <li>size, then a hardened XML parse (no DOCTYPE, no entities, nothing external);</li>
 *   <li>StudyFlow's rules: no scripts, no class names, no external tasks or connectors, delegates only from
 *   the allowlist, expressions only over process variables, an assignment on every user task, history time to
 *   live and version tag on the process, and a process key StudyFlow knows;</li>
 *   <li>the engine's own BPMN parser, as a deployment would run it but without deploying. It comes last
 *   because that parser instantiates some classes a diagram names.</li>
 * </ol>
 */
@Component
class BpmnValidator {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** The engine still reads this old namespace as if it were Camunda's. */
    static final String ACTIVITI = "http://activiti.org/bpmn";

    private static final Set<String> SERVICE_LIKE = Set.of("serviceTask", "sendTask", "businessRuleTask");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern TIME_TO_LIVE = Pattern.compile("\\d{1,6}|P\\d{1,6}D");
    private static final Pattern GENERATED_ID = Pattern.compile("[A-Z][A-Za-z]*_[0-9a-z]{7}");

    /** The engine's dry-run parse; see {@link Deployments#parse}. */
    interface EngineParser {
        List<ParseProblem> parse(String resourceName, String xml);
    }

    private final long maxBytes;
    private final Predicate<String> isDelegate;
    private final KnownKeys knownKeys;
    private final EngineParser engine;
    private final ExpressionChecker expressions;

    interface KnownKeys {
        boolean isKnown(String key);
    }

    @Autowired
    BpmnValidator(ModelerProperties properties, Delegates delegates, DelegateCatalog catalog, KnownProcesses known,
                  Deployments deployments) {
        this(properties.maxBytes().toBytes(), delegates::isBean, catalog::isRegistered, known::isKnown,
            deployments::parse);
    }

    BpmnValidator(long maxBytes, Predicate<String> isBean, Predicate<String> isDelegate, KnownKeys knownKeys,
                  EngineParser engine) {
        this.maxBytes = maxBytes;
        this.isDelegate = isDelegate;
        this.knownKeys = knownKeys;
        this.engine = engine;
        this.expressions = new ExpressionChecker(isBean);
    }

    /**
     * Every problem of a diagram meant to become a version of {@code expectedKey} (null: any known key).
     */
    ValidationReport validate(String xml, String expectedKey) {
        if (xml == null || xml.isBlank()) {
            return report(List.of(BpmnProblem.error(null, "modeler.xml.empty")));
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            return report(List.of(BpmnProblem.error(null, "modeler.xml.tooLarge", maxBytes / 1024)));
        }
        Document document;
        try {
            document = SafeXml.parse(bytes);
        } catch (SafeXml.Refused e) {
            return report(List.of(BpmnProblem.error(null, e.code(), e.args())));
        }
        List<BpmnProblem> problems = new ArrayList<>();
        Element root = document.getDocumentElement();
        if (!BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            return report(List.of(BpmnProblem.error(null, "modeler.xml.notBpmn")));
        }
        walk(root, null, drawnIds(document), problems);
        processes(root, expectedKey, problems);
        if (problems.stream().noneMatch(BpmnProblem::isError)) {
            String resource = (expectedKey == null ? "diagram" : expectedKey) + ".bpmn";
            for (ParseProblem p : engine.parse(resource, xml)) {
                problems.add(BpmnProblem.error(p.elementId(), "modeler.rule.engine", p.message()));
            }
        }
        return report(problems);
    }

    private static ValidationReport report(List<BpmnProblem> problems) {
        return new ValidationReport(List.copyOf(new LinkedHashSet<>(problems)));
    }

    /** The ids of the elements the diagram draws, which is where the modeler can mark a problem. */
    private static Set<String> drawnIds(Document document) {
        Set<String> drawn = new java.util.HashSet<>();
        NodeList shapes = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < shapes.getLength(); i++) {
            Element e = (Element) shapes.item(i);
            if (e.hasAttribute("bpmnElement")) {
                drawn.add(e.getAttribute("bpmnElement"));
            }
        }
        return drawn;
    }

    /**
     * Checks an element and everything in it. Problems are reported on the nearest element the diagram draws
     * (a timer's problem on its event, a condition's on its flow), or on the nearest element with an id.
     */
    private void walk(Element element, String ownerId, Set<String> drawn, List<BpmnProblem> problems) {
        String own = element.getAttribute("id");
        String id = !own.isEmpty() && (drawn.contains(own) || ownerId == null) ? own : ownerId;
        String ns = element.getNamespaceURI();
        String name = element.getLocalName();
        boolean bpmn = BPMN.equals(ns);

        if (bpmn && "scriptTask".equals(name)) {
            problems.add(BpmnProblem.error(id, "modeler.rule.scriptTask"));
        } else if ((bpmn || isCamunda(ns)) && "script".equals(name)) {
            problems.add(BpmnProblem.error(id, "modeler.rule.script"));
        }
        if (isCamunda(ns) && "connector".equals(name)) {
            problems.add(BpmnProblem.error(id, "modeler.rule.connector"));
        }
        if (bpmn && SERVICE_LIKE.contains(name)) {
            serviceTask(element, id, problems);
        }
        if (bpmn && "userTask".equals(name)) {
            userTask(element, id, problems);
        }
        if (bpmn && "callActivity".equals(name)) {
            callActivity(element, id, problems);
        }
        if (bpmn && drawn.contains(own) && GENERATED_ID.matcher(own).matches()) {
            problems.add(BpmnProblem.warning(own, "modeler.rule.generatedId", own));
        }
        attributes(element, id, bpmn, problems);

        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                walk((Element) child, id, drawn, problems);
            }
        }
        expressions(text.toString(), id, problems);
    }

    private void attributes(Element element, String id, boolean bpmn, List<BpmnProblem> problems) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            if (isCamunda(ns)) {
                if ("class".equals(name) || name.endsWith("Class")) {
                    problems.add(BpmnProblem.error(id, "modeler.rule.class", value));
                } else if ("type".equals(name) || "topic".equals(name)) {
                    problems.add("external".equals(value) || "topic".equals(name)
                        ? BpmnProblem.error(id, "modeler.rule.external")
                        : BpmnProblem.error(id, "modeler.rule.type", value));
                } else if ("resource".equals(name) || "scriptFormat".equals(name)) {
                    problems.add(BpmnProblem.error(id, "modeler.rule.script"));
                } else if (DELEGATE_ATTRIBUTES.contains(name)) {
                    delegate(value, id, problems);
                    continue;
                }
            } else if (bpmn && (ns == null || ns.isEmpty()) && "language".equals(name) && !value.isBlank()) {
                problems.add(BpmnProblem.error(id, "modeler.rule.script"));
            }
            expressions(value, id, problems);
        }
    }

    private void delegate(String value, String id, List<BpmnProblem> problems) {
        Matcher m = DELEGATE.matcher(value.strip());
        if (!m.matches()) {
            problems.add(BpmnProblem.error(id, "modeler.rule.delegateForm", value));
        } else if (!isDelegate.test(m.group(1))) {
            problems.add(BpmnProblem.error(id, "modeler.rule.delegateUnknown", m.group(1)));
        }
    }

    private void expressions(String text, String id, List<BpmnProblem> problems) {
        if (!ExpressionChecker.hasExpression(text)) {
            return;
        }
        for (ExpressionChecker.Finding finding : expressions.check(text)) {
            problems.add(BpmnProblem.error(id, finding.code(), finding.detail(), text.strip()));
        }
    }

    private void serviceTask(Element task, String id, List<BpmnProblem> problems) {
        boolean delegate = camundaAttribute(task, "delegateExpression") != null;
        boolean refusedElsewhere = camundaAttribute(task, "class") != null || camundaAttribute(task, "type") != null
            || camundaAttribute(task, "topic") != null;
        if (!delegate && !refusedElsewhere) {
            problems.add(BpmnProblem.error(id, "modeler.rule.serviceDelegate"));
        }
    }

    private void userTask(Element task, String id, List<BpmnProblem> problems) {
        boolean assigned = !blank(camundaAttribute(task, "assignee")) || !blank(camundaAttribute(task, "candidateGroups"))
            || task.getElementsByTagNameNS(BPMN, "humanPerformer").getLength() > 0
            || task.getElementsByTagNameNS(BPMN, "potentialOwner").getLength() > 0;
        if (!assigned) {
            problems.add(BpmnProblem.error(id, "modeler.rule.userTaskAssignment"));
        }
    }

    private void callActivity(Element activity, String id, List<BpmnProblem> problems) {
        String called = activity.getAttribute("calledElement");
        if (camundaAttribute(activity, "caseRef") != null || !knownKeys.isKnown(called)) {
            problems.add(BpmnProblem.error(id, "modeler.rule.calledElement", called));
        }
    }

    private void processes(Element definitions, String expectedKey, List<BpmnProblem> problems) {
        List<Element> executable = new ArrayList<>();
        for (Node child = definitions.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && BPMN.equals(e.getNamespaceURI()) && "process".equals(e.getLocalName())
                && !"false".equals(e.getAttribute("isExecutable").strip())) {
                executable.add(e);
            }
        }
        if (executable.isEmpty()) {
            problems.add(BpmnProblem.error(null, "modeler.rule.noProcess"));
        } else if (executable.size() > 1) {
            problems.add(BpmnProblem.error(executable.get(1).getAttribute("id"), "modeler.rule.oneProcess"));
        }
        for (Element process : executable) {
            String key = process.getAttribute("id");
            if (!knownKeys.isKnown(key)) {
                problems.add(BpmnProblem.error(key, "modeler.rule.unknownProcess", key));
            } else if (expectedKey != null && !expectedKey.equals(key)) {
                problems.add(BpmnProblem.error(key, "modeler.rule.keyMismatch", key, expectedKey));
            }
            String timeToLive = camundaAttribute(process, "historyTimeToLive");
            if (blank(timeToLive)) {
                problems.add(BpmnProblem.error(key, "modeler.rule.historyTimeToLive"));
            } else if (!TIME_TO_LIVE.matcher(timeToLive.strip()).matches()) {
                problems.add(BpmnProblem.error(key, "modeler.rule.historyTimeToLiveInvalid", timeToLive));
            }
            if (blank(camundaAttribute(process, "versionTag"))) {
                problems.add(BpmnProblem.error(key, "modeler.rule.versionTag"));
            }
        }
    }

    private static String camundaAttribute(Element element, String name) {
        if (element.hasAttributeNS(CAMUNDA, name)) {
            return element.getAttributeNS(CAMUNDA, name);
        }
        return element.hasAttributeNS(ACTIVITI, name) ? element.getAttributeNS(ACTIVITI, name) : null;
    }

    private static boolean isCamunda(String ns) {
        return CAMUNDA.equals(ns) || ACTIVITI.equals(ns);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
