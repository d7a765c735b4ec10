package cn.studyflow.modeler;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Walks every element and attribute of a diagram against {@link BpmnAllowlist}: what is not listed is refused
 * with its name and line. Known dangers keep their own, clearer reason (a script, a Java class, an external
 * task, a connector); delegate references must be {@code ${beanName}} of a registered delegate wherever they
 * appear; every attribute value and text passes the {@link ExpressionChecker}.
 */
@RequiredArgsConstructor
final class AllowlistCheck {

    private static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> LISTENER_EVENTS = Set.of("start", "end", "take");

    private final Predicate<String> isDelegate;
    private final ExpressionChecker expressions;

    void check(Diagram diagram, List<BpmnProblem> problems) {
        walk(diagram, diagram.root(), null, problems);
    }

    private void walk(Diagram diagram, Element element, String parentName, List<BpmnProblem> problems) {
        String id = diagram.ownerId(element);
        String ns = element.getNamespaceURI();
        String name = BpmnAllowlist.name(ns, element.getLocalName());
        int line = SafeXml.line(element);
        BpmnAllowlist.Entry entry = BpmnAllowlist.element(ns, element.getLocalName());

        String danger = dangerousElement(ns, element.getLocalName());
        if (danger != null) {
            problems.add(BpmnProblem.error(id, danger));
        } else if (entry == null) {
            problems.add(BpmnProblem.error(id, "modeler.allow.element", name, line));
        } else if (parentName != null && !entry.allowsParent(parentName)) {
            problems.add(BpmnProblem.error(id, "modeler.allow.place", name, parentName, line));
        }
        boolean allowed = danger == null && entry != null;
        attributes(element, name, allowed ? entry : null, id, line, problems);

        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(diagram, e, name, problems);
            }
        }
        expressions(Diagram.text(element), id, problems);
    }

    private static String dangerousElement(String ns, String localName) {
        boolean bpmn = BpmnAllowlist.BPMN.equals(ns);
        if (bpmn && "scriptTask".equals(localName)) {
            return "modeler.rule.scriptTask";
        }
        if ((bpmn || isExtension(ns)) && "script".equals(localName)) {
            return "modeler.rule.script";
        }
        if (isExtension(ns) && "connector".equals(localName)) {
            return "modeler.rule.connector";
        }
        return null;
    }

    /**
     * @param entry the element's allowlist entry, or null when the element itself is refused (then only the
     *              dangers of its attributes are reported, not each attribute again)
     */
    private void attributes(Element element, String elementName, BpmnAllowlist.Entry entry, String id, int line,
                            List<BpmnProblem> problems) {
        boolean extensionElement = isExtension(element.getNamespaceURI());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            // on Camunda's own elements the engine reads attributes without a prefix, and some with one
            String name = extensionElement && (ns == null || isExtension(ns)) && !BpmnAllowlist.ACTIVITI.equals(ns)
                ? local : BpmnAllowlist.name(ns, local);
            String value = attribute.getValue();

            String danger = dangerousAttribute(ns, local, value, extensionElement);
            if (danger != null) {
                problems.add(BpmnProblem.error(id, danger, value));
            }
            boolean delegate = "delegateExpression".equals(local) || local.endsWith("DelegateExpression");
            if (delegate) {
                delegate(value, id, problems);
            } else {
                expressions(value, id, problems);
            }
            if (danger == null && entry != null) {
                if (!entry.attributes().containsKey(name)) {
                    problems.add(BpmnProblem.error(id, "modeler.allow.attribute", name, elementName, line));
                } else if (!acceptedValue(entry.name(), name, value)) {
                    problems.add(BpmnProblem.error(id, "modeler.allow.value", name, value, line));
                }
            }
        }
    }

    /** The specific reason an attribute is refused, or null when only the allowlist decides. */
    private static String dangerousAttribute(String ns, String local, String value, boolean extensionElement) {
        boolean extension = isExtension(ns) || ns == null && extensionElement;
        if ("class".equals(local) || local.endsWith("Class")) {
            return "modeler.rule.class";
        }
        if (isExtension(ns) && ("type".equals(local) || "topic".equals(local))) {
            return "external".equals(value) || "topic".equals(local) ? "modeler.rule.external" : "modeler.rule.type";
        }
        if (extension && ("resource".equals(local) || "scriptFormat".equals(local))) {
            return "modeler.rule.script";
        }
        if (!extension && ns == null && "language".equals(local) && !value.isBlank()) {
            return "modeler.rule.script";
        }
        return null;
    }

    private static boolean acceptedValue(String element, String attribute, String value) {
        if ("xsi:type".equals(attribute)) {
            // the prefix is the file's own: only the local part says which type it is
            return value.strip().endsWith(":tFormalExpression") || "tFormalExpression".equals(value.strip());
        }
        if ("camunda:executionListener".equals(element) && "event".equals(attribute)) {
            return LISTENER_EVENTS.contains(value.strip());
        }
        if ("variables".equals(attribute)) {
            return "all".equals(value.strip());
        }
        return true;
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

    private static boolean isExtension(String ns) {
        return BpmnAllowlist.CAMUNDA.equals(ns) || BpmnAllowlist.ACTIVITI.equals(ns);
    }
}
