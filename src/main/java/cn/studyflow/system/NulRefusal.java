package cn.studyflow.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text containing a NUL character is a bad request wherever it comes in: request parameters, form fields and path
 * variables, and strings in JSON bodies. No person types one, and PostgreSQL cannot store it (the insert would
 * fail as a 500 after the request was accepted).
 */
@ControllerAdvice
class NulRefusal {

    @InitBinder
    void refuseNulInText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(checked(text));
            }
        });
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
