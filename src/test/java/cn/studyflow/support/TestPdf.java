package cn.studyflow.support;

import java.nio.charset.StandardCharsets;

/** A PDF that the content check accepts, of about a given size, its bytes its own (ASCII, to compare as text). */
public final class TestPdf {

    private TestPdf() {
    }

    public static byte[] of(String name, int kb) {
        StringBuilder s = new StringBuilder("%PDF-1.4\n% " + name + "\n1 0 obj << /Type /Catalog >> endobj\n");
        while (s.length() < kb * 1024) {
            s.append("% ").append(name).append(' ').append(s.length()).append('\n');
        }
        return s.append("trailer << /Root 1 0 R >>\n%%EOF\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
