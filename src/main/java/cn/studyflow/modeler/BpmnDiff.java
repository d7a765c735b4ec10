package cn.studyflow.modeler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The difference between two versions of a diagram, element by element: the BPMN elements (those with an id,
 * outside the diagram layout) that were added, removed, or whose attributes or content changed. Layout
 * alone (moved shapes, bent flows) is not a change.
 */
final class BpmnDiff {

    private static final String DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    /** Content that repeats what the flows' own source and target say. */
    private static final Set<String> DERIVED = Set.of("incoming", "outgoing");
    static final String CONTENT = "content";

    enum Change { ADDED, REMOVED, CHANGED }

    /** One changed attribute, or a changed piece of content such as a condition or a timer. */
    record AttributeChange(String name, String before, String after) {
    }

    /**
     * One element that changed. {@code shapeId} is the element drawn for it: itself, or for an event
     * definition or a condition the event or flow that holds it.
     */
    record ElementChange(String id, String type, String name, Change change, List<AttributeChange> attributes,
                         String shapeId) {
    }

    private BpmnDiff() {
    }

    static List<ElementChange> compare(String fromXml, String toXml) {
        Index from = index(fromXml);
        Index to = index(toXml);
        List<ElementChange> changes = new ArrayList<>();
        for (Map.Entry<String, Element> e : to.elements.entrySet()) {
            Element before = from.elements.get(e.getKey());
            Element after = e.getValue();
            if (before == null) {
                changes.add(change(after, Change.ADDED, List.of(), to));
            } else {
                List<AttributeChange> attributes = differences(before, after);
                if (!attributes.isEmpty()) {
                    changes.add(change(after, Change.CHANGED, attributes, to));
                }
            }
        }
        for (Map.Entry<String, Element> e : from.elements.entrySet()) {
            if (!to.elements.containsKey(e.getKey())) {
                changes.add(change(e.getValue(), Change.REMOVED, List.of(), from));
            }
        }
        return changes;
    }

    private static ElementChange change(Element element, Change change, List<AttributeChange> attributes, Index index) {
        String name = element.getAttribute("name");
        return new ElementChange(element.getAttribute("id"), element.getLocalName(), name.isBlank() ? null : name,
            change, attributes, index.shapeOf(element));
    }

    private static List<AttributeChange> differences(Element before, Element after) {
        List<AttributeChange> changes = new ArrayList<>();
        Map<String, String> a = attributes(before);
        Map<String, String> b = attributes(after);
        Set<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                changes.add(new AttributeChange(name, a.get(name), b.get(name)));
            }
        }
        Map<String, String> ca = content(before);
        Map<String, String> cb = content(after);
        Set<String> parts = new java.util.TreeSet<>(ca.keySet());
        parts.addAll(cb.keySet());
        for (String part : parts) {
            if (!Objects.equals(ca.get(part), cb.get(part))) {
                changes.add(new AttributeChange(part, ca.get(part), cb.get(part)));
            }
        }
        return changes;
    }

    /** Attributes by prefixed name, without the id and namespace declarations. */
    private static Map<String, String> attributes(Element element) {
        Map<String, String> result = new TreeMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getName();
            if ("id".equals(name) || name.startsWith("xmlns")) {
                continue;
            }
            result.put(displayName(attribute), attribute.getValue().strip());
        }
        return result;
    }

    private static String displayName(Attr attribute) {
        String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        if (BpmnAllowlist.CAMUNDA.equals(attribute.getNamespaceURI())) {
            return "camunda:" + local;
        }
        return attribute.getNamespaceURI() == null ? local : attribute.getName();
    }

    /**
     * The element's own content: its text and its children without an id (conditions, timer values,
     * documentation, extension elements), as text by child name. Children with an id are compared on their own.
     */
    private static Map<String, String> content(Element element) {
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element e && !e.hasAttribute("id") && !DERIVED.contains(e.getLocalName())) {
                parts.merge(e.getLocalName(), canonical(e), (x, y) -> x + "; " + y);
            }
        }
        if (!text.toString().isBlank()) {
            parts.put(CONTENT, text.toString().strip().replaceAll("\\s+", " "));
        }
        return parts;
    }

    private static String canonical(Element element) {
        StringBuilder out = new StringBuilder();
        Map<String, String> attributes = attributes(element);
        if (!attributes.isEmpty()) {
            out.append(attributes);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().strip().replaceAll("\\s+", " ");
                if (!text.isEmpty()) {
                    out.append(out.isEmpty() ? "" : " ").append(text);
                }
            } else if (child instanceof Element e) {
                out.append(out.isEmpty() ? "" : " ").append(e.getLocalName()).append('(').append(canonical(e)).append(')');
            }
        }
        return out.toString();
    }

    private record Index(Map<String, Element> elements, Set<String> drawn) {

        String shapeOf(Element element) {
            for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
                if (drawn.contains(e.getAttribute("id"))) {
                    return e.getAttribute("id");
                }
            }
            return null;
        }
    }

    private static Index index(String xml) {
        Document document;
        try {
            document = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (SafeXml.Refused e) {
            throw new IllegalArgumentException("A deployed diagram is not well-formed: " + e.code(), e);
        }
        Map<String, Element> elements = new LinkedHashMap<>();
        Set<String> drawn = new HashSet<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String ns = e.getNamespaceURI();
            if (ns != null && ns.startsWith("http://www.omg.org/spec/BPMN/20100524/DI")) {
                if (e.hasAttribute("bpmnElement")) {
                    drawn.add(e.getAttribute("bpmnElement"));
                }
                continue;
            }
            if (BpmnAllowlist.BPMN.equals(ns) && e.hasAttribute("id") && !"definitions".equals(e.getLocalName())
                && !insideDiagram(e)) {
                elements.put(e.getAttribute("id"), e);
            }
        }
        return new Index(elements, drawn);
    }

    private static boolean insideDiagram(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if (DI.equals(p.getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }
}
