package cn.studyflow.status;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.PageOf;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.Role;
import cn.studyflow.workflow.DiagramState;
import cn.studyflow.workflow.Deployments;
import cn.studyflow.workflow.Incidents;
import cn.studyflow.workflow.ProcessVersion;
import cn.studyflow.workflow.Workflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the managers' views. Each figure is one grouped query for the whole scope, over the rollups
 * ({@link Rollups}: the year's counts and step durations), the instance journal (what runs and waits now) or a
 * domain table; nothing queries once per row.
 */
@Service
@RequiredArgsConstructor
public class StatusService {

    /** The instance list counts this far; beyond, it says "more than" and filters narrow it down. */
    public static final int MAX_COUNTED = 10_000;
    /** The most rows one export writes. */
    static final int MAX_EXPORT_ROWS = 100_000;
    /** The most open incidents the administrators' list reads. */
    static final int MAX_INCIDENTS = 500;

    /**
     * A subtree at a glance in one year, computed at {@code computedAt}: what runs and waits as of then, the year's
     * counts and durations as of {@code rolledUpAt} (null before the first roll-up), rolled up every
     * {@code rollupInterval}.
     */
    public record Dashboard(int year, Org top, List<ProcessFigures> processes, List<StageFigures> stages,
                            List<OrgFigures> orgs, OffsetDateTime computedAt, OffsetDateTime rolledUpAt,
                            Duration rollupInterval) {

        /** The roll-up interval in whole minutes, at least one, as the page says it. */
        public long rollupMinutes() {
            return Math.max(1, rollupInterval.toMinutes());
        }
    }

    /** One instance with the stages it went through. */
    public record InstanceView(InstanceRow instance, List<Stage> stages) {
    }

    /** One process in a subtree: its steps' figures and its newest diagram marked with them. */
    public record ProcessView(String key, String name, int year, Org top, List<StageFigures> steps,
                              DiagramState diagram) {
    }

    /** An open incident with the instance it stopped. */
    public record IncidentRow(Incidents.Info incident, InstanceRow instance) {
    }

    private final StatusMapper mapper;
    private final RollupMapper rollupMapper;
    private final Rollups rollups;
    private final StatusAccess access;
    private final Workflow workflow;
    private final Deployments deployments;
    private final Incidents incidents;
    private final List<OrgFiguresSource> sources;

    public int thisYear() {
        return LocalDate.now(access.clock()).getYear();
    }

    /** The year a page or an API call asks for, this year when none; one outside 2000..2999 is refused. */
    public int year(Integer year) {
        int y = year == null ? thisYear() : year;
        if (y < 2000 || y > 2999) {
            throw BusinessException.invalid("status.error.year");
        }
        return y;
    }

    /**
     * The dashboard, computed on every call (access too): the year's figures are sums of the rollups, at most one
     * roll-up interval old; running, overdue and waiting are counted in the journal now.
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(CurrentUser user, Long orgId, int year) {
        Org top = access.top(user, orgId);
        StatusScope scope = access.scope(user, orgId);
        Map<String, ProcessFigures> processes = new LinkedHashMap<>();
        workflow.processNames().keySet().forEach(key -> processes.put(key, figures(key)));
        mapper.selectRunning(scope)
            .forEach(f -> processes.computeIfAbsent(f.getProcessKey(), StatusService::figures).add(f));
        List<OpenStages> open = mapper.selectOpenStageCounts(scope);
        OpenStages.overdueByProcess(open).forEach((key, overdue) -> {
            ProcessFigures f = processes.computeIfAbsent(key, StatusService::figures);
            f.setOverdue(f.getOverdue() + overdue);
        });
        rollupMapper.selectProcessFigures(scope, year)
            .forEach(f -> processes.computeIfAbsent(f.getProcessKey(), StatusService::figures).add(f));
        return new Dashboard(year, top, List.copyOf(processes.values()),
            stages(scope, null, year, OpenStages.waitingBySteps(open)), orgFigures(user, top, scope, year, open),
            scope.now(), rollups.rolledUpAt(), rollups.interval());
    }

    /** A page of the filtered list, newest first; the total stops at {@link #MAX_COUNTED}. */
    @Transactional(readOnly = true)
    public PageOf<InstanceRow> instances(CurrentUser user, InstanceFilter filter, int page, int size) {
        StatusScope scope = access.scope(user, filter.org());
        InstanceQuery query = query(filter);
        long total = Math.min(mapper.countInstances(scope, query, MAX_COUNTED + 1L), MAX_COUNTED);
        List<InstanceRow> rows = total == 0 ? List.of()
            : mapper.selectInstances(scope, query, (long) page * size, size);
        withCurrentSteps(rows);
        return new PageOf<>(rows, total, page, size);
    }

    /** Hands every row of the filtered list, up to {@link #MAX_EXPORT_ROWS}, to {@code sink} as it is read. */
    @Transactional(readOnly = true)
    public void exportInstances(CurrentUser user, InstanceFilter filter, Consumer<InstanceRow> sink) {
        StatusScope scope = access.scope(user, filter.org());
        try (Cursor<InstanceRow> rows = mapper.selectInstancesForExport(scope, query(filter), MAX_EXPORT_ROWS)) {
            List<InstanceRow> batch = new ArrayList<>();
            for (InstanceRow row : rows) {
                batch.add(row);
                if (batch.size() == 500) {
                    flush(batch, sink);
                }
            }
            flush(batch, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instance the user may see, or 404: outside the scope is the same as not there. */
    @Transactional(readOnly = true)
    public InstanceView instance(CurrentUser user, String id) {
        InstanceRow row = visible(user, id);
        return new InstanceView(row, mapper.selectStages(id));
    }

    public DiagramState diagram(CurrentUser user, String id) {
        return workflow.diagram(visible(user, id).getId());
    }

    @Transactional(readOnly = true)
    public ProcessView process(CurrentUser user, String key, Long orgId, int year) {
        Org top = access.top(user, orgId);
        ProcessVersion latest = deployments.latest(key).orElseThrow(BusinessException::notFound);
        StatusScope scope = access.scope(user, orgId);
        List<StageFigures> steps = stages(scope, key, year, mapper.selectWaiting(scope, key));
        Map<String, Integer> counts = new HashMap<>();
        steps.stream().filter(s -> s.getWaiting() > 0).forEach(s -> counts.put(s.getStep(), (int) s.getWaiting()));
        DiagramState diagram = new DiagramState(deployments.xml(latest.definitionId()), List.of(), List.of(), counts,
            heat(steps));
        return new ProcessView(key, latest.name(), year, top, steps, diagram);
    }

    /** Open incidents of the instances in the administrator's scope, newest first. */
    @Transactional(readOnly = true)
    public List<IncidentRow> incidents(CurrentUser user) {
        requireAdmin(user);
        List<Incidents.Info> open = incidents.open(MAX_INCIDENTS);
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, InstanceRow> instances = mapper.selectInstancesByIds(access.scope(user, null),
                open.stream().map(Incidents.Info::processInstanceId).distinct().toList()).stream()
            .collect(Collectors.toMap(InstanceRow::getId, r -> r));
        return open.stream().filter(i -> instances.containsKey(i.processInstanceId()))
            .map(i -> new IncidentRow(i, instances.get(i.processInstanceId()))).toList();
    }

    /** Retries the failed job of an incident in the administrator's scope. */
    @Transactional
    public IncidentRow retry(CurrentUser user, String incidentId) {
        requireAdmin(user);
        Incidents.Info incident = incidents.find(incidentId).orElseThrow(
            () -> BusinessException.conflict("status.incident.gone"));
        InstanceRow instance = visible(user, incident.processInstanceId());
        incidents.retry(incident);
        return new IncidentRow(incident, instance);
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw BusinessException.forbidden();
        }
    }

    private InstanceRow visible(CurrentUser user, String id) {
        InstanceRow row = id == null ? null : mapper.selectInstance(access.scope(user, null), id);
        if (row == null) {
            throw BusinessException.notFound();
        }
        return row;
    }

    private void flush(List<InstanceRow> batch, Consumer<InstanceRow> sink) {
        withCurrentSteps(batch);
        batch.forEach(sink);
        batch.clear();
    }

    private void withCurrentSteps(List<InstanceRow> rows) {
        List<String> running = rows.stream().filter(r -> "RUNNING".equals(r.getState())).map(InstanceRow::getId).toList();
        if (running.isEmpty()) {
            return;
        }
        Map<String, String> steps = mapper.selectOpenStages(running).stream().collect(Collectors.groupingBy(
            Stage::getInstanceId, LinkedHashMap::new,
            Collectors.mapping(Stage::getStepName, Collectors.collectingAndThen(Collectors.toList(),
                names -> names.stream().distinct().collect(Collectors.joining("、"))))));
        rows.forEach(r -> r.setCurrentSteps(steps.get(r.getId())));
    }

    /** The year's step durations from the rollups, with what waits at each step now. */
    private List<StageFigures> stages(StatusScope scope, String process, int year, List<StageFigures> waiting) {
        Map<String, StageFigures> byStep = new LinkedHashMap<>();
        rollupMapper.selectStageFigures(scope, process, year).stream().map(StageRollup::figures)
            .forEach(f -> byStep.put(f.getProcessKey() + "/" + f.getStep(), f));
        waiting.forEach(w -> byStep.merge(w.getProcessKey() + "/" + w.getStep(), w, (f, x) -> {
            f.setWaiting(x.getWaiting());
            return f;
        }));
        return byStep.values().stream()
            .sorted(Comparator.comparing(StageFigures::getProcessKey)
                .thenComparing(f -> f.getMedianMs() == null ? Double.MAX_VALUE : f.getMedianMs()))
            .toList();
    }

    private List<OrgFigures> orgFigures(CurrentUser user, Org top, StatusScope scope, int year, List<OpenStages> open) {
        int topDepth = depth(top);
        Map<Long, OrgFigures> figures = new LinkedHashMap<>();
        access.orgsOf(user, top).forEach(o -> figures.put(o.getId(), new OrgFigures(o, depth(o) - topDepth)));
        LocalDate today = LocalDate.now(access.clock());
        for (OrgFiguresSource source : sources) {
            source.addTo(orgId -> at(figures, orgId), scope, year, today);
            source.waitingProcess().ifPresent(process -> open.stream().filter(r -> process.equals(r.getProcessKey()))
                .forEach(r -> at(figures, r.getOrgId()).getWaiting().add(new OrgFigures.Waiting(r.getStep(),
                    r.getStepName(), r.getWaiting(), r.getSince()))));
        }
        figures.values().forEach(f -> f.getWaiting().sort(Comparator.comparing(OrgFigures.Waiting::since)));
        return List.copyOf(figures.values());
    }

    private static OrgFigures at(Map<Long, OrgFigures> figures, long orgId) {
        // a row of an organisation created after the list was read: count it under the top of the view
        return figures.getOrDefault(orgId, figures.values().iterator().next());
    }

    /** Heat classes {@code sf-heat-1} (fastest) to {@code sf-heat-5} (slowest) by each step's median. */
    private static Map<String, String> heat(List<StageFigures> steps) {
        double max = steps.stream().filter(s -> s.getMedianMs() != null).mapToDouble(StageFigures::getMedianMs)
            .max().orElse(0);
        Map<String, String> classes = new HashMap<>();
        if (max <= 0) {
            return classes;
        }
        steps.stream().filter(s -> s.getMedianMs() != null).forEach(s ->
            classes.put(s.getStep(), "sf-heat sf-heat-" + Math.max(1, (int) Math.ceil(5 * s.getMedianMs() / max))));
        return classes;
    }

    private InstanceQuery query(InstanceFilter f) {
        ZoneId zone = access.clock().getZone();
        return new InstanceQuery(blankToNull(f.process()), f.status() == null ? null : f.status().name(),
            f.from() == null ? null : f.from().atStartOfDay(zone).toOffsetDateTime(),
            f.to() == null ? null : f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
            f.keyPattern(), blankToNull(f.step()), f.isOverdue());
    }

    private static ProcessFigures figures(String key) {
        ProcessFigures f = new ProcessFigures();
        f.setProcessKey(key);
        return f;
    }

    private static int depth(Org org) {
        return (int) org.getPath().chars().filter(c -> c == '/').count();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
