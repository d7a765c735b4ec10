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
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
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
 *   <li>StudyFlow's rules: every element and attribute on the allowlist ({@link AllowlistCheck}), delegates
 *   only from the registry, expressions only over process variables, an assignment on every user task, history
 *   time to live and version tag on the process, a process key StudyFlow knows; the limits that keep the engine
 *   from overload ({@link LimitsCheck}); a flow that runs as drawn ({@link FlowGraphCheck});</li>
 *   <li>the engine's own BPMN parser, as a deployment would run it but without deploying. It comes last
 *   because that parser instantiates some classes a diagram names.</li>
 * </ol>
 */
@Component
class BpmnValidator {

    private static final String BPMN = BpmnAllowlist.BPMN;

    private static final Set<String> SERVICE_LIKE = Set.of("serviceTask", "sendTask", "businessRuleTask");
    private static final Pattern TIME_TO_LIVE = Pattern.compile("\\d{1,6}|P\\d{1,6}D");
    private static final Pattern GENERATED_ID = Pattern.compile("[A-Z][A-Za-z]*_[0-9a-z]{7}");

    /** The engine's dry-run parse; see {@link Deployments#parse}. */
    interface EngineParser {
        List<ParseProblem> parse(String resourceName, String xml);
    }

    interface KnownKeys {
        boolean isKnown(String key);
    }

    private final long maxBytes;
    private final KnownKeys knownKeys;
    private final EngineParser engine;
    private final AllowlistCheck allowlist;
    private final LimitsCheck limits;
    private final FlowGraphCheck graph = new FlowGraphCheck();

    @Autowired
    BpmnValidator(ModelerProperties properties, Delegates delegates, DelegateCatalog catalog, KnownProcesses known,
                  Deployments deployments) {
        this(properties.maxBytes().toBytes(), properties.limits(), delegates::isBean, catalog::isRegistered,
            known::isKnown, deployments::parse);
    }

    BpmnValidator(long maxBytes, LimitsCheck.Limits limits, Predicate<String> isBean, Predicate<String> isDelegate,
                  KnownKeys knownKeys, EngineParser engine) {
        this.maxBytes = maxBytes;
        this.knownKeys = knownKeys;
        this.engine = engine;
        this.allowlist = new AllowlistCheck(isDelegate, new ExpressionChecker(isBean));
        this.limits = new LimitsCheck(limits);
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
        Element root = document.getDocumentElement();
        if (!Diagram.isBpmn(root, "definitions")) {
            return report(List.of(BpmnProblem.error(null, "modeler.xml.notBpmn")));
        }
        Diagram diagram = new Diagram(document);
        List<BpmnProblem> problems = new ArrayList<>();
        allowlist.check(diagram, problems);
        elements(diagram, problems);
        processes(root, expectedKey, problems);
        limits.check(diagram, problems);
        graph.check(diagram, problems);
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

    /** The rules for single steps: who does a user task, what a service task calls, readable ids. */
    private static void elements(Diagram diagram, List<BpmnProblem> problems) {
        NodeList all = diagram.root().getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String name = element.getLocalName();
            String own = element.getAttribute("id");
            if (SERVICE_LIKE.contains(name) && Diagram.camunda(element, "delegateExpression") == null
                && !namesOtherImplementation(element)) {
                problems.add(BpmnProblem.error(diagram.ownerId(element), "modeler.rule.serviceDelegate"));
            }
            if ("userTask".equals(name) && Diagram.blank(Diagram.camunda(element, "assignee"))
                && Diagram.blank(Diagram.camunda(element, "candidateGroups"))) {
                problems.add(BpmnProblem.error(diagram.ownerId(element), "modeler.rule.userTaskAssignment"));
            }
            if (diagram.isDrawn(own) && GENERATED_ID.matcher(own).matches()) {
                problems.add(BpmnProblem.warning(own, "modeler.rule.generatedId", own));
            }
        }
    }

    /** A class, external task or expression is refused with its own reason; one message is enough. */
    private static boolean namesOtherImplementation(Element task) {
        NamedNodeMap attributes = task.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String local = attributes.item(i).getLocalName();
            if (local != null && Set.of("class", "type", "topic").contains(local)
                && !BPMN.equals(attributes.item(i).getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    private void processes(Element definitions, String expectedKey, List<BpmnProblem> problems) {
        List<Element> executable = new ArrayList<>();
        for (Node child = definitions.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && Diagram.isBpmn(e, "process")
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
            String timeToLive = Diagram.camunda(process, "historyTimeToLive");
            if (Diagram.blank(timeToLive)) {
                problems.add(BpmnProblem.error(key, "modeler.rule.historyTimeToLive"));
            } else if (!TIME_TO_LIVE.matcher(timeToLive.strip()).matches()) {
                problems.add(BpmnProblem.error(key, "modeler.rule.historyTimeToLiveInvalid", timeToLive));
            }
            if (Diagram.blank(Diagram.camunda(process, "versionTag"))) {
                problems.add(BpmnProblem.error(key, "modeler.rule.versionTag"));
            }
        }
    }
}
