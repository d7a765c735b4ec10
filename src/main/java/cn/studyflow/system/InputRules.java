package cn.studyflow.system;

import cn.studyflow.common.BusinessException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletRequest;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.TypeDescriptor;
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

    @InitBinder
    void refuseRowsThatAreNoRows(WebDataBinder binder, HttpServletRequest request) {
        if (binder.getTarget() == null) {
            return;
        }
        BeanWrapper form = PropertyAccessorFactory.forBeanPropertyAccess(binder.getTarget());
        for (String name : request.getParameterMap().keySet()) {
            int open = name.indexOf('[');
            if (open <= 0) {
                continue;
            }
            int close = name.indexOf(']', open);
            String property = name.substring(0, open);
            if (close < 0 || !form.isReadableProperty(property)) {
                continue;
            }
            TypeDescriptor type = form.getPropertyTypeDescriptor(property);
            String index = name.substring(open + 1, close);
            if (type != null && (type.isCollection() || type.isArray()) && !(ROW_INDEX.matcher(index).matches()
                && Integer.parseInt(index) < binder.getAutoGrowCollectionLimit())) {
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
