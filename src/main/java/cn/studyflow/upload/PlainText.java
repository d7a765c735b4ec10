package cn.studyflow.upload;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * StudyFlow's own rule for plain text, stricter than Tika's guess: UTF-8 throughout, no NUL byte, and nothing
 * near the start that a browser could take for a page.
 */
final class PlainText {

    /** How far into a text file markup is looked for; browsers sniff about as far. */
    private static final int MARKUP_WINDOW = 1024;
    private static final List<String> MARKUP = List.of("<!doctype", "<html", "<head", "<body", "<script", "<iframe",
        "<svg", "<?xml", "<object", "<embed", "<meta", "<style", "<img", "<a ", "<!--");

    private PlainText() {
    }

    static boolean accepts(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder start = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            int n;
            while ((n = reader.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\0') {
                        return false;
                    }
                }
                if (start.length() < MARKUP_WINDOW) {
                    start.append(buffer, 0, Math.min(n, MARKUP_WINDOW - start.length()));
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
        return !looksLikeMarkup(start.toString());
    }

    static boolean looksLikeMarkup(String start) {
        String text = start.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        return text.startsWith("<") || MARKUP.stream().anyMatch(text::contains);
    }
}
