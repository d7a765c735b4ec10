package cn.studyflow.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's charts as JSON for {@code /js/status.js}: bar categories, series and, for every bar, the link
 * to the list behind it. The page holds the same figures in tables; the charts add no figure of their own.
 */
record StatusCharts(String processes, String stages, String orgs) {

    /** One series of a bar chart with the list behind each bar. */
    record Series(String name, List<? extends Number> data, List<String> links) {
    }

    record Chart(List<String> categories, List<Series> series, String unit) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ORG_BARS = 40;

    static StatusCharts of(StatusService.Dashboard d, StatusLabels labels) {
        Long org = d.top().getId();
        List<ProcessFigures> ps = d.processes();
        List<String> names = ps.stream().map(p -> labels.process(p.getProcessKey())).toList();
        Chart processes = new Chart(names, List.of(
            series(labels.text("status.running"), ps, ProcessFigures::getRunning,
                p -> instances(org, p.getProcessKey(), "RUNNING", false, d.year(), false)),
            series(labels.text("status.completedInYear"), ps, ProcessFigures::getCompleted,
                p -> instances(org, p.getProcessKey(), "COMPLETED", false, d.year(), true)),
            series(labels.text("status.overdue"), ps, ProcessFigures::getOverdue,
                p -> instances(org, p.getProcessKey(), null, true, d.year(), false))), null);

        List<StageFigures> ss = d.stages().stream().filter(s -> s.getMedianMs() != null).toList();
        DurationUnit unit = DurationUnit.forLongest(ss.stream()
            .flatMap(s -> java.util.stream.Stream.of(s.getMedianMs(), s.getP90Ms())).toList());
        Chart stages = new Chart(ss.stream().map(s -> labels.process(s.getProcessKey()) + " · "
                + labels.step(s.getProcessKey(), s.getStep(), s.getStepName())).toList(), List.of(
            series(labels.text("status.median"), ss, s -> unit.of(s.getMedianMs()), s -> process(org, s, d.year())),
            series(labels.text("status.p90"), ss, s -> unit.of(s.getP90Ms()), s -> process(org, s, d.year()))),
            labels.text(unit.label()));

        // the organisation itself and the ones right below it; the table lists the whole subtree
        List<OrgFigures> os = d.orgs().stream().filter(o -> o.getDepth() <= 1).limit(MAX_ORG_BARS).toList();
        Chart orgs = new Chart(os.stream().map(o -> o.getOrg().getName()).toList(), List.of(
            series(labels.text("status.sessionsPlanned"), os, OrgFigures::getSessionsPlanned, o -> sessions(d.year())),
            series(labels.text("status.sessionsHeld"), os, OrgFigures::getSessionsHeld, o -> sessions(d.year()))), null);
        return new StatusCharts(json(processes), json(stages), json(orgs));
    }

    private static <T> Series series(String name, List<T> items, Function<T, Number> value, Function<T, String> link) {
        List<Number> data = new ArrayList<>();
        List<String> links = new ArrayList<>();
        items.forEach(i -> {
            data.add(value.apply(i));
            links.add(link.apply(i));
        });
        return new Series(name, data, links);
    }

    static String instances(Long org, String process, String status, boolean overdue, int year, boolean inYear) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/status/instances").queryParam("org", org)
            .queryParam("process", process);
        if (status != null) {
            b.queryParam("status", status);
        }
        if (overdue) {
            b.queryParam("overdue", true);
        }
        if (inYear) {
            b.queryParam("from", year + "-01-01").queryParam("to", year + "-12-31");
        }
        return b.build().toUriString();
    }

    private static String process(Long org, StageFigures s, int year) {
        return UriComponentsBuilder.fromPath("/status/processes/{key}").queryParam("org", org)
            .queryParam("year", year).buildAndExpand(Map.of("key", s.getProcessKey())).toUriString();
    }

    private static String sessions(int year) {
        return UriComponentsBuilder.fromPath("/sessions").queryParam("year", year).build().toUriString();
    }

    private static String json(Chart chart) {
        try {
            return JSON.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
