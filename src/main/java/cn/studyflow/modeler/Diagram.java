package cn.studyflow.modeler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A parsed diagram with what the checks share: which ids are drawn, and where to report a problem. */
final class Diagram {

    private final Element root;
    private final Set<String> drawn = new HashSet<>();

    Diagram(Document document) {
        this.root = document.getDocumentElement();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("bpmnElement")) {
                drawn.add(e.getAttribute("bpmnElement"));
            }
        }
    }

    Element root() {
        return root;
    }

    boolean isDrawn(String id) {
        return drawn.contains(id);
    }

    /**
     * The element a problem inside {@code element} is shown on: the nearest enclosing element the diagram draws
     * (a timer's problem on its event, a condition's on its flow), else the outermost element with an id.
     */
    String ownerId(Element element) {
        String outermost = null;
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            String id = e.getAttribute("id");
            if (!id.isEmpty()) {
                if (drawn.contains(id)) {
                    return id;
                }
                outermost = id;
            }
        }
        return outermost;
    }

    /** A Camunda attribute of a BPMN element; null when absent. */
    static String camunda(Element element, String name) {
        return element.hasAttributeNS(BpmnAllowlist.CAMUNDA, name)
            ? element.getAttributeNS(BpmnAllowlist.CAMUNDA, name) : null;
    }

    /** The child elements of a BPMN element with this local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && BpmnAllowlist.BPMN.equals(e.getNamespaceURI())
                && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    /** The text of an element, without its child elements' text. */
    static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        return text.toString();
    }

    static boolean isBpmn(Element element, String localName) {
        return BpmnAllowlist.BPMN.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
