package cn.studyflow.admin;

import cn.studyflow.common.BusinessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The rules a new password must meet: at least {@value #MIN_LENGTH} characters, not the user name (nor containing
 * it), and not on the list of common passwords shipped in {@code admin/common-passwords.txt}.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** BCrypt reads 72 bytes at most; a longer password would be cut silently. */
    static final int MAX_LENGTH = 64;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("admin/common-passwords.txt");
    }

    /** Throws a 400 with the reason, in the user's language, when {@code password} may not be used. */
    void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw BusinessException.invalid("admin.password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw BusinessException.invalid("admin.password.tooLong", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw BusinessException.invalid("admin.password.containsUsername");
        }
        if (common.contains(lower) || common.contains(lower.replaceAll("[0-9!@#$%^&*.]+$", ""))) {
            throw BusinessException.invalid("admin.password.common");
        }
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords is missing: " + resource, e);
        }
        return words;
    }
}
