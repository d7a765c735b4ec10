package cn.studyflow.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Sessions as an iCalendar file (RFC 5545), written by hand: one VEVENT a session, its times in Asia/Shanghai
 * (a fixed +08:00 zone, given as a VTIMEZONE), text escaped, lines folded at 75 octets, CRLF line ends.
 */
final class IcsExport {

    static final String TZID = "Asia/Shanghai";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private IcsExport() {
    }

    /** The calendar of {@code sessions}; {@code orgNames} names each session's organisation in its description. */
    static String write(List<StudySession> sessions, Map<Long, String> orgNames, String host, Clock clock) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//StudyFlow//Study sessions//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + TZID);
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:+0800");
        line(out, "TZOFFSETTO:+0800");
        line(out, "TZNAME:CST");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
        String stamp = UTC.format(clock.instant().atOffset(ZoneOffset.UTC));
        for (StudySession s : sessions) {
            if (s.getSessionDate() == null) {
                continue;
            }
            line(out, "BEGIN:VEVENT");
            line(out, "UID:session-" + s.getId() + "@" + host);
            line(out, "DTSTAMP:" + stamp);
            line(out, "DTSTART;TZID=" + TZID + ":" + at(s.getSessionDate(), s.getStartTime(), SessionService.DEFAULT_START));
            if (s.getEndTime() != null) {
                line(out, "DTEND;TZID=" + TZID + ":" + at(s.getSessionDate(), s.getEndTime(), null));
            }
            line(out, "SUMMARY:" + text(s.getTitle()));
            if (s.getPlace() != null) {
                line(out, "LOCATION:" + text(s.getPlace()));
            }
            line(out, "DESCRIPTION:" + text(orgNames.getOrDefault(s.getOrgId(), "")));
            line(out, "SEQUENCE:" + s.getVersion());
            line(out, "STATUS:" + (SessionService.CANCELLED.equals(s.getStatus()) ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String at(LocalDate day, LocalTime time, LocalTime fallback) {
        return LOCAL.format(day.atTime(time == null ? fallback : time));
    }

    /** TEXT values escape backslash, semicolon, comma and line ends (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Adds a content line, folded so that no line is longer than 75 octets of UTF-8 (RFC 5545 3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
