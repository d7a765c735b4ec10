package cn.studyflow.common;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post, flash, redirect: a form that did what it asked says so on the next page. The layout shows the flash
 * attribute {@value #MESSAGE} as the key of a success message; errors come from {@code system/ErrorHandling}.
 */
public final class Flash {

    /** The flash attribute the layout reads as a message key. */
    public static final String MESSAGE = "message";

    private Flash() {
    }

    /** Flashes the message of {@code messageKey} and redirects to {@code path} (within the application). */
    public static String redirect(RedirectAttributes redirect, String messageKey, String path) {
        redirect.addFlashAttribute(MESSAGE, messageKey);
        return "redirect:" + path;
    }
}
