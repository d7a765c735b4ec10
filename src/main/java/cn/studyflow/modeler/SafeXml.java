package cn.studyflow.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM with everything that reaches outside the document switched off: no DOCTYPE
 * (so no entities, internal or external), no external DTDs or schemas, no XInclude.
 */
final class SafeXml {

    // checked before parsing, so that the refusal does not depend on the parser's (localised) messages
    private static final Pattern DOCTYPE = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

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
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
                throw new Refused("modeler.xml.doctype");
            }
            throw new Refused("modeler.xml.malformed", e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException e) {
            throw new Refused("modeler.xml.malformed", 0, 0);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) { }
                @Override public void error(SAXParseException e) throws SAXException { throw e; }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be hardened", e);
        }
    }
}
