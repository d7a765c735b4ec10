package cn.studyflow.modeler;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.scheduling.support.CronExpression;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Refuses what would overload the engine: timer start events (each firing starts an instance nobody asked
 * for), cycle timers more frequent than the configured minimum, call activities to processes not configured
 * as callable, and multi-instance steps with more instances than the configured limit.
 */
@RequiredArgsConstructor
final class LimitsCheck {

    /** {@code studyflow.modeler.*}: see {@link ModelerProperties}. */
    record Limits(Duration minTimerCycle, int maxCardinality, Set<String> callableProcesses) {
    }

    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}");
    // a cron expression is sampled this far: a day that fires at all fires at the same times of day
    private static final int CRON_SAMPLES = 1000;
    private static final LocalDateTime CRON_FROM = LocalDateTime.of(2025, 1, 1, 0, 0);

    private final Limits limits;

    void check(Diagram diagram, List<BpmnProblem> problems) {
        for (Element timer : all(diagram, "timerEventDefinition")) {
            Element event = (Element) timer.getParentNode();
            if (Diagram.isBpmn(event, "startEvent") && event.getParentNode() instanceof Element scope
                && Diagram.isBpmn(scope, "process")) {
                problems.add(BpmnProblem.error(diagram.ownerId(event), "modeler.limit.timerStart"));
            }
            for (Element cycle : Diagram.children(timer, "timeCycle")) {
                cycle(Diagram.text(cycle).strip(), diagram.ownerId(cycle), problems);
            }
        }
        for (Element loop : all(diagram, "multiInstanceLoopCharacteristics")) {
            multiInstance(loop, diagram.ownerId(loop), problems);
        }
        for (Element call : all(diagram, "callActivity")) {
            String called = call.getAttribute("calledElement").strip();
            if (!limits.callableProcesses().contains(called)) {
                problems.add(BpmnProblem.error(diagram.ownerId(call), "modeler.rule.calledElement", called));
            }
        }
    }

    private void cycle(String value, String id, List<BpmnProblem> problems) {
        if (ExpressionChecker.hasExpression(value)) {
            problems.add(BpmnProblem.error(id, "modeler.limit.cycleExpression", value));
            return;
        }
        Duration every = value.startsWith("R") ? repeatInterval(value) : cronInterval(value);
        if (every == null) {
            problems.add(BpmnProblem.error(id, "modeler.limit.cycleInvalid", value));
        } else if (every.compareTo(limits.minTimerCycle()) < 0) {
            problems.add(BpmnProblem.error(id, "modeler.limit.cycle", value, limits.minTimerCycle().toString()));
        }
    }

    /** The interval of an ISO 8601 repetition ({@code R/PT1H}, {@code R5/2026-01-01T00:00/P1D}); null if none. */
    static Duration repeatInterval(String value) {
        for (String part : value.split("/")) {
            if (part.startsWith("P")) {
                return duration(part);
            }
        }
        return null;
    }

    /** Years and months count as 365 and 28 days: the shortest they can be. */
    static Duration duration(String iso) {
        try {
            int t = iso.indexOf('T');
            String date = t < 0 ? iso : iso.substring(0, t);
            Duration total = Duration.ZERO;
            if (date.length() > 1) {
                Period period = Period.parse(date);
                total = Duration.ofDays(period.getYears() * 365L + period.getMonths() * 28L + period.getDays());
            }
            if (t >= 0) {
                total = total.plus(Duration.parse("PT" + iso.substring(t + 1)));
            }
            return total.isNegative() ? Duration.ZERO : total;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The shortest gap between two firings of a cron expression in the engine's (Quartz) format, seconds first
     * and an optional year last; null if it does not parse. Sampled from a fixed date: the times of day repeat
     * on every day that fires, so the shortest gap shows within the samples.
     */
    static Duration cronInterval(String value) {
        String[] fields = value.trim().split("\\s+");
        if (fields.length != 6 && fields.length != 7) {
            return null;
        }
        CronExpression cron;
        try {
            // the year field only narrows when it fires, never how often
            cron = CronExpression.parse(String.join(" ", java.util.Arrays.copyOf(fields, 6)));
        } catch (IllegalArgumentException e) {
            return null;
        }
        Duration shortest = null;
        LocalDateTime previous = cron.next(CRON_FROM);
        for (int i = 0; previous != null && i < CRON_SAMPLES; i++) {
            LocalDateTime next = cron.next(previous);
            if (next == null) {
                break;
            }
            Duration gap = Duration.between(previous, next);
            shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
            previous = next;
        }
        // an expression that fires at most once is no cycle to worry about
        return shortest == null ? Duration.ofDays(365) : shortest;
    }

    private void multiInstance(Element loop, String id, List<BpmnProblem> problems) {
        for (Element cardinality : Diagram.children(loop, "loopCardinality")) {
            String value = Diagram.text(cardinality).strip();
            if (!NUMBER.matcher(value).matches()) {
                problems.add(BpmnProblem.error(id, "modeler.limit.cardinalityExpression", value));
            } else if (Long.parseLong(value) > limits.maxCardinality()) {
                problems.add(BpmnProblem.error(id, "modeler.limit.cardinality", value, limits.maxCardinality()));
            }
        }
        String collection = Diagram.camunda(loop, "collection");
        if (collection != null && !VARIABLE.matcher(collection.strip()).matches()) {
            problems.add(BpmnProblem.error(id, "modeler.limit.collection", collection));
        }
    }

    private static List<Element> all(Diagram diagram, String localName) {
        NodeList list = diagram.root().getElementsByTagNameNS(BpmnAllowlist.BPMN, localName);
        return java.util.stream.IntStream.range(0, list.getLength()).mapToObj(i -> (Element) list.item(i)).toList();
    }
}
