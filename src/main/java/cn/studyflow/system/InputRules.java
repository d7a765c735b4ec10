package cn.studyflow.system;

import cn.studyflow.common.BusinessException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletRequest;
import java.beans.PropertyDescriptor;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Input that no form sends is a bad request (400) before it reaches a controller, rather than a 500 from deep
 * inside: text containing a NUL character, wherever it comes in (request parameters, form fields, path variables,
 * strings in JSON bodies), since PostgreSQL cannot store it; and a row of a form's list addressed by an index that
 * is not a row number ({@code topics[-1].title}, {@code checkedPoints[x]}), which the binder fails on with raw
 * exceptions.
 */
@ControllerAdvice
class InputRules {

    private static final Pattern ROW_INDEX = Pattern.compile("\\d{1,9}");

    @InitBinder
    void refuseNulInText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(checked(text));
            }
        });
    }

    /**
     * Every request parameter, whatever it binds to: a list of ids ({@code taskIds}) is converted without the
     * String editor above, and a NUL in it reached PostgreSQL as a 500.
     */
    @InitBinder
    void refuseNulInParameters(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                || Arrays.stream(parameter.getValue()).anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                throw BusinessException.invalid("error.badRequest");
            }
        }
    }

    @InitBinder
    void refuseRowsThatAreNoRows(WebDataBinder binder, HttpServletRequest request) {
        // the binder may not have built its form yet (constructor binding): its type is known
        Class<?> form = binder.getTarget() != null ? binder.getTarget().getClass()
            : binder.getTargetType() != null ? binder.getTargetType().resolve() : null;
        if (form == null || BeanUtils.isSimpleProperty(form)) {
            return;
        }
        for (String name : request.getParameterMap().keySet()) {
            int open = name.indexOf('[');
            int close = name.indexOf(']', Math.max(open, 0));
            if (open <= 0 || close < 0) {
                continue;
            }
            PropertyDescriptor property = BeanUtils.getPropertyDescriptor(form, name.substring(0, open));
            String index = name.substring(open + 1, close);
            if (property != null && (Collection.class.isAssignableFrom(property.getPropertyType())
                || property.getPropertyType().isArray())
                && !(ROW_INDEX.matcher(index).matches() && Integer.parseInt(index) < binder.getAutoGrowCollectionLimit())) {
                throw BusinessException.invalid("error.badRequest");
            }
        }
    }

    /** Registered with Spring Boot's ObjectMapper: a NUL in a JSON string fails the body as unreadable (400). */
    @Bean
    static SimpleModule nulRefusingJsonStrings() {
        return new SimpleModule("nul-refusing-strings").addDeserializer(String.class, new NulRefusingStrings());
    }

    private static String checked(String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Text with a NUL character");
        }
        return text;
    }

    private static final class NulRefusingStrings extends StdScalarDeserializer<String> {

        NulRefusingStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, "contains a NUL character");
            }
            return text;
        }
    }
}
