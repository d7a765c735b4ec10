package cn.studyflow.common;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/**
 * A refused form shown again as the person typed it: the refusal's status on the response and its message, in the
 * person's language, as the page's {@code error}. A 404 is not a form's error: it passes on, so that what one may
 * not see answers as if it did not exist.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void show(BusinessException e, MessageSource messages, Model model, HttpServletResponse response) {
        if (e.getStatus().value() == 404) {
            throw e;
        }
        response.setStatus(e.getStatus().value());
        model.addAttribute("error", messages.getMessage(e.getMessageKey(), e.getArgs(), e.getMessageKey(),
            LocaleContextHolder.getLocale()));
    }
}
