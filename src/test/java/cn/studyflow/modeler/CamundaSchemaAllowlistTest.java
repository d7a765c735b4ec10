package cn.studyflow.modeler;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The allowlist against the Camunda extension schema, not against examples: every extension element and every
 * attribute that camunda-bpmn-moddle defines (the descriptor the front end installs with {@code npm ci}, which
 * {@code ./mvnw verify} runs before the tests) is either allowed on purpose in {@link BpmnAllowlist} with a
 * reason, or listed in {@link #REFUSED} here and refused when it appears in a diagram. A new version of the
 * descriptor with a new attribute fails {@link #everyNameTheDescriptorDefinesIsDecided} until someone decides.
 */
class CamundaSchemaAllowlistTest {

    static final Path FRONTEND = Path.of("src/main/frontend/node_modules/camunda-bpmn-moddle");
    static final Path HOST = Path.of("src/test/resources/bpmn/allowlist-host.bpmn");

    /**
     * What camunda-bpmn-moddle defines and StudyFlow refuses, and why: {@code camunda:a} an attribute on BPMN
     * elements, {@code <camunda:x>} an element, {@code <camunda:x>@a} an attribute of an allowed element.
     */
    static final Map<String, String> REFUSED = Map.ofEntries(
        entry("camunda:async", "the old name of asyncBefore; one name is enough"),
        entry("camunda:calledElementBinding", "call activities call the latest version of an allowlisted process"),
        entry("camunda:calledElementVersion", "same"),
        entry("camunda:calledElementVersionTag", "same"),
        entry("camunda:calledElementTenantId", "StudyFlow has no tenants"),
        entry("camunda:candidateStarterGroups", "processes are started by StudyFlow's features, not from a tasklist"),
        entry("camunda:candidateStarterUsers", "same"),
        entry("camunda:candidateUsers", "work is assigned by organisation groups; the panel hides it"),
        entry("camunda:caseRef", "no CMMN cases"),
        entry("camunda:caseBinding", "no CMMN cases"),
        entry("camunda:caseVersion", "no CMMN cases"),
        entry("camunda:caseTenantId", "no CMMN cases"),
        entry("camunda:class", "names a Java class the engine instantiates"),
        entry("camunda:decisionRef", "no DMN decisions"),
        entry("camunda:decisionRefBinding", "no DMN decisions"),
        entry("camunda:decisionRefVersion", "no DMN decisions"),
        entry("camunda:decisionRefTenantId", "no DMN decisions"),
        entry("camunda:mapDecisionResult", "no DMN decisions"),
        entry("camunda:diagramRelationId", "Camunda web modeler's link; not needed"),
        entry("camunda:errorCodeVariable", "error events are not allowed"),
        entry("camunda:errorMessageVariable", "error events are not allowed"),
        entry("camunda:errorMessage", "error events are not allowed"),
        entry("camunda:escalationCodeVariable", "escalation events are not allowed"),
        entry("camunda:expression", "an expression implementation would be evaluated as code; delegates only"),
        entry("camunda:followUpDate", "not shown by StudyFlow; the panel hides it"),
        entry("camunda:formHandlerClass", "names a Java class"),
        entry("camunda:initiator", "StudyFlow passes who started a process as a business variable"),
        entry("camunda:isStartableInTasklist", "there is no Camunda tasklist"),
        entry("camunda:jobPriority", "job priorities are the engine's default"),
        entry("camunda:taskPriority", "external tasks are not allowed"),
        entry("camunda:modelerTemplate", "element templates are not used"),
        entry("camunda:modelerTemplateVersion", "element templates are not used"),
        entry("camunda:resource", "a script or expression loaded from a resource"),
        entry("camunda:resultVariable", "only for expression implementations, which are refused"),
        entry("camunda:topic", "external tasks are fetched by any client that knows the topic"),
        entry("camunda:type", "external, shell, mail…: run outside StudyFlow's delegates"),
        entry("camunda:variableEvents", "conditional events are not allowed"),
        entry("camunda:variableName", "conditional events are not allowed"),
        entry("camunda:variableMappingClass", "names a Java class"),
        entry("camunda:variableMappingDelegateExpression", "a registered delegate is no variable mapping"),
        entry("<camunda:errorEventDefinition>", "error events on external tasks only"),
        entry("<camunda:potentialStarter>", "processes are started by StudyFlow's features"),
        entry("<camunda:properties>", "extension properties are read by no StudyFlow code"),
        entry("<camunda:property>", "same"),
        entry("<camunda:connector>", "connectors call out of the server"),
        entry("<camunda:connectorId>", "same"),
        entry("<camunda:inputOutputParameter>", "only the base of input and output parameters"),
        entry("<camunda:list>", "structured parameter values are not needed; expressions over variables suffice"),
        entry("<camunda:map>", "same"),
        entry("<camunda:entry>", "same"),
        entry("<camunda:value>", "same (and only for generated forms)"),
        entry("<camunda:script>", "a script is arbitrary code in the server"),
        entry("<camunda:field>", "field injection would change a shared delegate bean for every process"),
        entry("<camunda:expression>", "field injection"),
        entry("<camunda:string>", "field injection"),
        entry("<camunda:failedJobRetryTimeCycle>", "retries follow the engine's default, not a diagram's cycle"),
        entry("<camunda:taskListener>", "StudyFlow registers no task listeners, and a registered JavaDelegate is not one"),
        entry("<camunda:formProperty>", "generated forms are never shown: StudyFlow has its own decision form"),
        entry("<camunda:formData>", "same"),
        entry("<camunda:formField>", "same"),
        entry("<camunda:validation>", "same"),
        entry("<camunda:constraint>", "a validator constraint names a class or bean the engine calls"),
        entry("<camunda:in>@sourceExpression", "source names the variable; an expression adds nothing needed"),
        entry("<camunda:out>@sourceExpression", "same"),
        entry("<camunda:out>@businessKey", "a called process does not hand back a business key"),
        entry("<camunda:executionListener>@class", "names a Java class"),
        entry("<camunda:executionListener>@expression", "an expression would be evaluated as code; delegates only"));

    static final Set<String> BEANS = BpmnValidatorTest.BEANS;

    static JsonNode descriptor;
    static String version;

    final BpmnValidator validator = new BpmnValidator(512 * 1024,
        new LimitsCheck.Limits(Duration.ofHours(1), 20, Set.of("supplementary-plan-approval")), BEANS::contains,
        BpmnValidatorTest.DELEGATES::contains, BpmnValidatorTest.KEYS::contains, (name, xml) -> List.of());

    @BeforeAll
    static void readDescriptor() throws IOException {
        Path json = FRONTEND.resolve("resources/camunda.json");
        if (!Files.exists(json)) {
            fail(json + " is missing: run `npm ci` in src/main/frontend (./mvnw verify does it before the tests)");
        }
        descriptor = new ObjectMapper().readTree(json.toFile());
        version = new ObjectMapper().readTree(FRONTEND.resolve("package.json").toFile()).path("version").asText();
    }

    @Test
    void theHostDiagramWithEveryAllowedElementPasses() throws IOException {
        Document host = host();
        Set<String> present = new TreeSet<>();
        NodeList all = host.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            present.add(BpmnAllowlist.name(all.item(i).getNamespaceURI(), all.item(i).getLocalName()));
        }

        assertThat(validator.validate(Files.readString(HOST), "plan-approval").problems()).isEmpty();
        assertThat(present).as("the host diagram holds every allowed element, so that each is tried below")
            .containsAll(BpmnAllowlist.entries().stream().map(BpmnAllowlist.Entry::name).toList());
    }

    @Test
    void everyNameTheDescriptorDefinesIsDecided() {
        List<String> undecided = new ArrayList<>();
        List<String> both = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(bpmnAttributes());
        elements().forEach((element, attributes) -> {
            names.add("<" + element + ">");
            if (allowedEntry(element) != null) {
                attributes.forEach(a -> names.add("<" + element + ">@" + a));
            }
        });
        for (String name : names) {
            String reason = allowedReason(name);
            if (reason == null && !REFUSED.containsKey(name)) {
                undecided.add(name);
            } else if (reason != null && REFUSED.containsKey(name)) {
                both.add(name);
            }
            assertThat(reason == null || !reason.isBlank()).as(name + " is allowed with a reason").isTrue();
        }

        assertThat(undecided).as("camunda-bpmn-moddle " + version + " defines these, and nobody has decided on"
            + " them: allow each in BpmnAllowlist with its reason, or list it in REFUSED here").isEmpty();
        assertThat(both).as("allowed and refused at once").isEmpty();
        assertThat(names).as("REFUSED lists only what the descriptor defines").containsAll(REFUSED.keySet());
    }

    @Test
    void everyCamundaAttributeIsRefusedOnEveryElementThatDoesNotListIt() throws IOException {
        Map<String, Element> hosts = oneOfEach(host(), false);
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, Element> host : hosts.entrySet()) {
            BpmnAllowlist.Entry entry = allowedEntry(host.getKey());
            for (boolean prefixed : new boolean[] {true, false}) {
                Document copy = host();
                Element target = oneOfEach(copy, false).get(host.getKey());
                Map<String, String> added = new LinkedHashMap<>();
                for (String attribute : bpmnAttributes()) {
                    String local = attribute.substring("camunda:".length());
                    String name = prefixed ? attribute : local;
                    if (entry.attributes().containsKey(name) || target.hasAttribute(name)) {
                        continue;
                    }
                    String value = "v-" + local;
                    if (prefixed) {
                        target.setAttributeNS(BpmnAllowlist.CAMUNDA, attribute, value);
                    } else {
                        target.setAttributeNS(null, local, value);
                    }
                    added.put(name, value);
                }
                accepted.addAll(notRefused(copy, added, host.getKey()));
            }
        }
        assertThat(accepted).as("attributes the validator let through without listing them").isEmpty();
    }

    @Test
    void everyCamundaElementIsRefusedUnlessAllowedAndThenEachOfItsOtherAttributesToo() throws IOException {
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, Set<String>> element : elements().entrySet()) {
            String name = element.getKey();
            Document copy = host();
            BpmnAllowlist.Entry entry = allowedEntry(name);
            if (entry == null) {
                Element extensions = (Element) copy.getElementsByTagNameNS(BpmnAllowlist.BPMN, "extensionElements").item(0);
                extensions.appendChild(copy.createElementNS(BpmnAllowlist.CAMUNDA, name));
                if (!refusedElement(validator.validate(serialize(copy), "plan-approval"), name)) {
                    accepted.add(name);
                }
                continue;
            }
            for (boolean prefixed : new boolean[] {true, false}) {
                Document doc = host();
                Element target = oneOfEach(doc, true).get(name);
                assertThat(target).as("the host diagram holds an allowed " + name).isNotNull();
                Map<String, String> added = new LinkedHashMap<>();
                for (String attribute : element.getValue()) {
                    if (entry.attributes().containsKey(attribute) || target.hasAttribute(attribute)) {
                        continue;
                    }
                    String value = "v-" + attribute;
                    if (prefixed) {
                        target.setAttributeNS(BpmnAllowlist.CAMUNDA, "camunda:" + attribute, value);
                    } else {
                        target.setAttributeNS(null, attribute, value);
                    }
                    added.put(attribute, value);
                }
                accepted.addAll(notRefused(doc, added, name));
            }
        }
        assertThat(accepted).as("Camunda elements and attributes the validator let through").isEmpty();
    }

    /** The attributes camunda-bpmn-moddle adds to BPMN elements, as {@code camunda:name}. */
    static Set<String> bpmnAttributes() {
        Set<String> names = new TreeSet<>();
        for (JsonNode type : descriptor.path("types")) {
            if (type.has("extends")) {
                for (JsonNode property : type.path("properties")) {
                    if (property.path("isAttr").asBoolean()) {
                        String name = property.path("name").asText();
                        names.add("camunda:" + name.substring(name.indexOf(':') + 1));
                    }
                }
            }
        }
        return names;
    }

    /** The elements camunda-bpmn-moddle defines, as {@code camunda:name}, with their attributes (inherited too). */
    static Map<String, Set<String>> elements() {
        Map<String, JsonNode> types = new LinkedHashMap<>();
        descriptor.path("types").forEach(t -> types.put(t.path("name").asText(), t));
        Map<String, Set<String>> elements = new LinkedHashMap<>();
        for (JsonNode type : types.values()) {
            if (type.has("extends") || type.path("isAbstract").asBoolean()) {
                continue;
            }
            String name = type.path("name").asText();
            elements.put("camunda:" + Character.toLowerCase(name.charAt(0)) + name.substring(1), attributes(type, types));
            for (JsonNode property : type.path("properties")) {
                // elements that hold only text, such as <camunda:expression> in a field
                if ("String".equals(property.path("type").asText()) && !property.path("isAttr").asBoolean()
                    && !property.path("isBody").asBoolean()) {
                    elements.putIfAbsent("camunda:" + property.path("name").asText(), new TreeSet<>());
                }
            }
        }
        return elements;
    }

    private static Set<String> attributes(JsonNode type, Map<String, JsonNode> types) {
        Set<String> attributes = new TreeSet<>();
        for (JsonNode property : type.path("properties")) {
            if (property.path("isAttr").asBoolean()) {
                attributes.add(property.path("name").asText());
            }
        }
        for (JsonNode superClass : type.path("superClass")) {
            JsonNode parent = types.get(superClass.asText());
            if (parent != null) {
                attributes.addAll(attributes(parent, types));
            }
        }
        return attributes;
    }

    private static BpmnAllowlist.Entry allowedEntry(String name) {
        return BpmnAllowlist.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The reason something is allowed, or null: {@code <camunda:x>} an element, {@code <camunda:x>@a} one of its
     * attributes, {@code camunda:a} an attribute on BPMN elements.
     */
    private static String allowedReason(String name) {
        int at = name.indexOf(">@");
        if (at > 0) {
            BpmnAllowlist.Entry entry = allowedEntry(name.substring(1, at));
            return entry == null ? null : entry.attributes().get(name.substring(at + 2));
        }
        if (name.startsWith("<")) {
            BpmnAllowlist.Entry element = allowedEntry(name.substring(1, name.length() - 1));
            return element == null ? null : element.reason();
        }
        return BpmnAllowlist.entries().stream().map(e -> e.attributes().get(name)).filter(r -> r != null)
            .findFirst().orElse(null);
    }

    /** The first element of each allowed name in a document: BPMN and drawing elements, or Camunda's. */
    private static Map<String, Element> oneOfEach(Document document, boolean camunda) {
        Map<String, Element> found = new LinkedHashMap<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (BpmnAllowlist.CAMUNDA.equals(e.getNamespaceURI()) == camunda) {
                found.putIfAbsent(BpmnAllowlist.name(e.getNamespaceURI(), e.getLocalName()), e);
            }
        }
        return found;
    }

    /** The added attributes that the validator did not refuse by name (or, for a known danger, by value). */
    private List<String> notRefused(Document document, Map<String, String> added, String element) {
        if (added.isEmpty()) {
            return List.of();
        }
        ValidationReport report = validator.validate(serialize(document), "plan-approval");
        List<String> accepted = new ArrayList<>();
        added.forEach((name, value) -> {
            boolean refused = report.errors().stream().anyMatch(p ->
                p.code().equals("modeler.allow.attribute") && p.args().get(0).equals(name)
                    && p.args().get(1).equals(element) && Integer.parseInt(p.args().get(2)) > 0
                || p.code().startsWith("modeler.rule.") && p.args().contains(value));
            if (!refused) {
                accepted.add(name + " on " + element);
            }
        });
        return accepted;
    }

    private static boolean refusedElement(ValidationReport report, String name) {
        return report.errors().stream().anyMatch(p ->
            p.code().equals("modeler.allow.element") && p.args().get(0).equals(name)
                || p.code().equals("modeler.rule.script") || p.code().equals("modeler.rule.connector"));
    }

    private static Document host() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(HOST.toFile());
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static String serialize(Document document) {
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
