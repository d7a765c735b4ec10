package cn.studyflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * What {@link NoServerErrorTest} walks: every operation of the OpenAPI document and every page route of Spring's
 * handler mappings, each with its parameters and the kind of body it takes, read from the running application so
 * that a new route is walked without anyone touching the test.
 */
final class Routes {

    enum Body { NONE, JSON, MULTIPART }

    /** One parameter: in the path or the query (a form field for a POST); {@code normal} is a value that works. */
    record Param(String name, boolean inPath, String normal) {
    }

    /** One operation; {@code jsonFields} are the properties of its JSON body, {@code files} its file fields. */
    record Route(HttpMethod method, String pattern, List<Param> params, Body body, List<String> jsonFields,
                 List<String> files) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Routes() {
    }

    /** Every operation of an OpenAPI 3 document; {@code normal} gives a working value for a parameter name and type. */
    static List<Route> fromOpenApi(JsonNode doc, Normal normal) {
        List<Route> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    params.add(new Param(p.path("name").asText(), "path".equals(p.path("in").asText()),
                        normal(doc, normal, p.path("name").asText(), p.path("schema"))));
                }
                Body body = Body.NONE;
                List<String> jsonFields = new ArrayList<>();
                List<String> files = new ArrayList<>();
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.has("application/json")) {
                    body = Body.JSON;
                    jsonFields.addAll(properties(doc, content.path("application/json").path("schema")).keySet());
                } else if (content.has("multipart/form-data")) {
                    body = Body.MULTIPART;
                    properties(doc, content.path("multipart/form-data").path("schema")).forEach((name, schema) -> {
                        if ("binary".equals(schema.path("format").asText())) {
                            files.add(name);
                        } else {
                            params.add(new Param(name, false, normal(doc, normal, name, schema)));
                        }
                    });
                }
                routes.add(new Route(HttpMethod.valueOf(op.getKey().toUpperCase()), path.getKey(), params, body,
                    jsonFields, files));
            }
        }
        return routes;
    }

    /** Every route of a handler mapping, but those {@code skip} names; a mapping without methods is GET and POST. */
    static List<Route> fromHandlerMethods(Map<RequestMappingInfo, HandlerMethod> methods, Normal normal,
                                          Function<String, Boolean> skip) {
        List<Route> routes = new ArrayList<>();
        // in a fixed order, so that a sweep sends the same requests on every run (Spring's map has none)
        Map<RequestMappingInfo, HandlerMethod> sorted = new TreeMap<>(
            Comparator.comparing((RequestMappingInfo info) -> info.toString() + methods.get(info)));
        sorted.putAll(methods);
        sorted.forEach((info, handler) -> {
            Set<HttpMethod> verbs = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
            info.getMethodsCondition().getMethods().forEach(m -> verbs.add(HttpMethod.valueOf(m.name())));
            if (verbs.isEmpty()) {
                verbs.add(HttpMethod.GET);
                verbs.add(HttpMethod.POST);
            }
            for (String pattern : info.getPatternValues()) {
                if (skip.apply(pattern)) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                List<String> files = new ArrayList<>();
                List<String> jsonFields = new ArrayList<>();
                Body body = Body.NONE;
                for (MethodParameter p : handler.getMethodParameters()) {
                    p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                    Class<?> type = p.getParameterType();
                    PathVariable path = p.getParameterAnnotation(PathVariable.class);
                    RequestParam query = p.getParameterAnnotation(RequestParam.class);
                    RequestPart part = p.getParameterAnnotation(RequestPart.class);
                    if (part != null && MultipartFile.class.isAssignableFrom(type)) {
                        files.add(part.value().isEmpty() ? p.getParameterName() : part.value());
                        body = Body.MULTIPART;
                        continue;
                    }
                    if (path != null) {
                        String name = path.value().isEmpty() ? p.getParameterName() : path.value();
                        params.add(new Param(name, true, normal.of(name, type)));
                    } else if (query != null) {
                        String name = query.value().isEmpty() ? p.getParameterName() : query.value();
                        if (MultipartFile.class.isAssignableFrom(type)) {
                            files.add(name);
                            body = Body.MULTIPART;
                        } else {
                            params.add(new Param(name, false, normal.of(name, elementType(p, type))));
                        }
                    } else if (p.hasParameterAnnotation(RequestBody.class)) {
                        body = Body.JSON;
                        jsonFields.addAll(beanProperties(type).keySet());
                    } else if (isForm(p, type)) {
                        formFields(type).forEach((name, propertyType) ->
                            params.add(new Param(name, false, normal.of(name, propertyType))));
                    }
                }
                for (HttpMethod verb : verbs) {
                    routes.add(new Route(verb, pattern, params, body, jsonFields, files));
                }
            }
        });
        return routes;
    }

    /** A working value for a parameter, from its name and type. */
    interface Normal {
        String of(String name, Class<?> type);
    }

    private static boolean isForm(MethodParameter p, Class<?> type) {
        return !BeanUtils.isSimpleProperty(type) && !p.hasParameterAnnotation(AuthenticationPrincipal.class)
            && type.getName().startsWith("cn.studyflow.") && !Errors.class.isAssignableFrom(type);
    }

    private static Class<?> elementType(MethodParameter p, Class<?> type) {
        if (Collection.class.isAssignableFrom(type)
            && p.getGenericParameterType() instanceof ParameterizedType generic
            && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type.isArray() ? type.getComponentType() : type;
    }

    /**
     * The fields of a form: its simple properties, and for a list of rows the first row's first field by its
     * indexed name ({@code topics[0].title}), whose index {@link NoServerErrorTest} then pushes to its boundaries.
     */
    private static Map<String, Class<?>> formFields(Class<?> type) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (var d : BeanUtils.getPropertyDescriptors(type)) {
            if (d.getWriteMethod() == null) {
                continue;
            }
            if (Collection.class.isAssignableFrom(d.getPropertyType())
                && d.getReadMethod() != null && d.getReadMethod().getGenericReturnType() instanceof ParameterizedType g
                && g.getActualTypeArguments()[0] instanceof Class<?> element) {
                if (BeanUtils.isSimpleProperty(element)) {
                    fields.put(d.getName() + "[0]", element);
                } else {
                    beanProperties(element).entrySet().stream().filter(e -> BeanUtils.isSimpleProperty(e.getValue()))
                        .findFirst().ifPresent(e -> fields.put(d.getName() + "[0]." + e.getKey(), e.getValue()));
                }
            } else {
                fields.put(d.getName(), d.getPropertyType());
            }
        }
        return fields;
    }

    /** Writable properties (or record components) of a form or body type, with their types. */
    private static Map<String, Class<?>> beanProperties(Class<?> type) {
        Map<String, Class<?>> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (var c : type.getRecordComponents()) {
                properties.put(c.getName(), c.getType());
            }
            return properties;
        }
        for (var d : BeanUtils.getPropertyDescriptors(type)) {
            if (d.getWriteMethod() != null) {
                properties.put(d.getName(), d.getPropertyType());
            }
        }
        return properties;
    }

    private static Map<String, JsonNode> properties(JsonNode doc, JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode resolved = resolve(doc, schema);
        resolved.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
            ? doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())) : schema;
    }

    /** The Java type an OpenAPI schema stands for, as far as a working value needs it. */
    private static Class<?> schemaType(JsonNode doc, JsonNode schema) {
        JsonNode s = resolve(doc, schema);
        return switch (s.path("type").asText()) {
            case "integer" -> long.class;
            case "number" -> double.class;
            case "boolean" -> boolean.class;
            case "array" -> schemaType(doc, s.path("items"));
            default -> "date".equals(s.path("format").asText()) ? LocalDate.class : String.class;
        };
    }

    private static String normal(JsonNode doc, Normal normal, String name, JsonNode schema) {
        JsonNode s = resolve(doc, schema);
        JsonNode values = s.has("items") ? resolve(doc, s.path("items")).path("enum") : s.path("enum");
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : normal.of(name, schemaType(doc, s));
    }
}
