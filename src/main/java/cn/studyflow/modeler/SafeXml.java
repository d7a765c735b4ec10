package cn.studyflow.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses untrusted XML into a DOM with everything that reaches outside the document switched off: no DOCTYPE
 * (so no entities, internal or external), no external DTDs or schemas, no XInclude. The DOM is built from SAX
 * events so that every element remembers its line ({@link #line}): a refusal names the line it is about.
 */
final class SafeXml {

    // checked before parsing, so that the refusal does not depend on the parser's (localised) messages
    private static final Pattern DOCTYPE = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
    private static final String LINE = "studyflow.line";
    /** Deeper than any diagram needs; the checks walk the tree recursively and must not run out of stack. */
    static final int MAX_DEPTH = 64;

    private SafeXml() {
    }

    /** Why a text is not acceptable XML: a message key of the modeler bundle and its arguments. */
    static final class Refused extends Exception {

        private final String code;
        private final transient Object[] args;

        Refused(String code, Object... args) {
            super(code);
            this.code = code;
            this.args = args;
        }

        String code() { return code; }
        Object[] args() { return args; }
    }

    static Document parse(byte[] xml) throws Refused {
        String head = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        if (DOCTYPE.matcher(head).find()) {
            throw new Refused("modeler.xml.doctype");
        }
        try {
            DomBuilder builder = new DomBuilder(emptyDocument());
            parser().parse(new ByteArrayInputStream(xml), builder);
            return builder.document;
        } catch (TooDeep e) {
            throw new Refused("modeler.xml.tooDeep", MAX_DEPTH, e.line);
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
                throw new Refused("modeler.xml.doctype");
            }
            throw new Refused("modeler.xml.malformed", e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException e) {
            throw new Refused("modeler.xml.malformed", 0, 0);
        }
    }

    /** The line on which the start tag of an element ends (0 when unknown). */
    static int line(Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n.getUserData(LINE) instanceof Integer line) {
                return line;
            }
        }
        return 0;
    }

    private static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The XML parser cannot be hardened", e);
        }
    }

    private static Document emptyDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No DOM implementation", e);
        }
    }

    private static final class TooDeep extends SAXException {

        private final int line;

        TooDeep(int line) {
            super("nested too deeply");
            this.line = line;
        }
    }

    /** Builds the DOM from SAX events; namespace declarations are not attributes, comments are dropped. */
    private static final class DomBuilder extends DefaultHandler {

        private final Document document;
        private final Deque<Node> open = new ArrayDeque<>();
        private Locator locator;

        DomBuilder(Document document) {
            this.document = document;
            open.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws TooDeep {
            if (open.size() > MAX_DEPTH) {
                throw new TooDeep(locator == null ? 0 : locator.getLineNumber());
            }
            Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                String ns = attributes.getURI(i);
                element.setAttributeNS(ns.isEmpty() ? null : ns, attributes.getQName(i), attributes.getValue(i));
            }
            element.setUserData(LINE, locator == null ? 0 : locator.getLineNumber(), null);
            open.peek().appendChild(element);
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Node parent = open.peek();
            if (parent instanceof Element) {
                Node last = parent.getLastChild();
                if (last != null && last.getNodeType() == Node.TEXT_NODE) {
                    last.setNodeValue(last.getNodeValue() + new String(ch, start, length));
                } else {
                    parent.appendChild(document.createTextNode(new String(ch, start, length)));
                }
            }
        }

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
