package cn.studyflow;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.ibatis.annotations.Mapper;

/**
 * The floor of StudyFlow as rules: what each package may use. {@code BoundariesTest} holds the application
 * to them on every build; {@code BoundariesBiteTest} shows each rule failing on a planted violation.
 * docs/architecture.md explains the floor these rules draw.
 */
public final class Boundaries {

    public static final String BASE = "cn.studyflow";

    private Boundaries() {
    }

    /** No cycle between the top-level packages, however long. */
    public static final ArchRule NO_CYCLES = slices().matching(BASE + ".(*)..").namingSlices("$1")
        .should().beFreeOfCycles();

    /**
     * The engine's API stays behind {@code workflow}; delegates are the engine's callbacks, and the status
     * journal's listeners are an engine plugin (they must run inside the engine's own commands).
     */
    public static final ArchRule ENGINE_BEHIND_WORKFLOW = noClasses()
        .that(not(resideInAPackage(BASE + ".workflow..")).and(not(resideInAPackage(BASE + ".journal..")))
            .and(not(delegates())))
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .as("org.camunda is used only in workflow, in *Delegate classes and in the journal's engine plugin");

    /** The floor of shared basics depends on nothing of StudyFlow. */
    public static final ArchRule COMMON_STANDS_ALONE = noClasses().that().resideInAPackage(BASE + ".common..")
        .should().dependOnClassesThat(resideInAPackage(BASE + "..").and(not(resideInAPackage(BASE + ".common.."))))
        .as("common depends on nothing of StudyFlow");

    /** {@code system} is the application shell: it uses the features, no feature uses it. */
    public static final ArchRule SYSTEM_IS_THE_SHELL = noClasses()
        .that().resideOutsideOfPackage(BASE + ".system..").and().doNotHaveFullyQualifiedName(BASE + ".StudyFlowApplication")
        .should().dependOnClassesThat().resideInAPackage(BASE + ".system..")
        .as("no package outside system depends on system (the application shell)");

    /** A feature reads another's data through its services, never through its mappers. */
    public static final ArchRule MAPPERS_STAY_HOME = classes().that().areAnnotatedWith(Mapper.class)
        .should(beUsedOnlyFromTheirOwnPackage());

    /**
     * The tables of each package (sf_*): a mapper of a package names only these, the reference tables every
     * package may join, and the reads listed in {@link #READS}. A new table must be added here.
     */
    public static final Map<String, Set<String>> TABLES = Map.ofEntries(
        Map.entry("org", Set.of("sf_org", "sf_person", "sf_person_role")),
        Map.entry("plan", Set.of("sf_plan", "sf_plan_revision", "sf_plan_topic")),
        Map.entry("session", Set.of("sf_study_session", "sf_session_person", "sf_session_call", "sf_session_file")),
        Map.entry("material", Set.of("sf_material", "sf_material_version", "sf_material_review", "sf_material_check")),
        Map.entry("audit", Set.of("sf_audit", "sf_audit_pool_member", "sf_audit_draw", "sf_audit_assignment",
            "sf_audit_record", "sf_audit_record_point", "sf_audit_rectification")),
        Map.entry("task", Set.of("sf_action", "sf_copy")),
        Map.entry("notify", Set.of("sf_notification")),
        Map.entry("modeler", Set.of("sf_process_deployment")),
        Map.entry("journal", Set.of("sf_instance", "sf_stage")),
        Map.entry("status", Set.of("sf_rollup_instance", "sf_rollup_stage", "sf_rollup_run")),
        Map.entry("system", Set.of("sf_login_throttle")),
        Map.entry("admin", Set.of("sf_admin_trail", "sf_api_token")),
        Map.entry("leave", Set.of("sf_leave")),
        Map.entry("makeup", Set.of("sf_makeup")),
        Map.entry("assessment", Set.of("sf_assessment", "sf_assessment_entry", "sf_assessment_weight", "sf_bulletin")),
        Map.entry("credits", Set.of("sf_credit_rule", "sf_credit_rule_item", "sf_credit_line", "sf_credit_year",
            "sf_credit_frozen", "sf_credit_reminder")),
        Map.entry("lecture", Set.of("sf_lecture_campaign", "sf_lecture_level", "sf_lecture_criterion", "sf_lecture_round",
            "sf_lecture_judge", "sf_lecture_entry", "sf_lecture_round_entry", "sf_lecture_score",
            "sf_lecture_session_topic")),
        Map.entry("archive", Set.of("sf_year_closing", "sf_closed_year")));

    /**
     * The organisation tree and people's names: every package joins them for scope (an organisation's path)
     * and display names, read-only; a service call per row would turn each list into N+1 queries.
     */
    public static final Set<String> REFERENCE = TABLES.get("org");

    /**
     * Reads of another package's tables that are allowed, each with its reason. Anything not listed fails.
     * The journal is the read model written for {@code status}. No feature reads the session's tables: materials and
     * audits ask {@code SessionService} for their sessions ({@code material/MaterialReads}, {@code audit/AuditSessions}).
     */
    public static final Map<String, Set<String>> READS = Map.of(
        "status", Set.of("sf_instance", "sf_stage"));

    /** The tables a mapper of {@code pkg} must not name, of those in {@code tables}. */
    public static Set<String> foreignTables(String pkg, Set<String> tables) {
        Set<String> foreign = new TreeSet<>();
        for (String table : tables) {
            boolean own = TABLES.getOrDefault(pkg, Set.of()).contains(table);
            boolean allowed = REFERENCE.contains(table) || READS.getOrDefault(pkg, Set.of()).contains(table);
            boolean known = TABLES.values().stream().anyMatch(t -> t.contains(table));
            if (!own && !allowed || !known) {
                foreign.add(table + (known ? "" : " (unknown: add it to Boundaries.TABLES)"));
            }
        }
        return foreign;
    }

    /** The top-level package of a class, e.g. {@code plan} for {@code cn.studyflow.plan.PlanMapper}. */
    public static String topPackage(String className) {
        String rest = className.substring(BASE.length() + 1);
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : "";
    }

    private static DescribedPredicate<JavaClass> delegates() {
        return DescribedPredicate.describe("*Delegate classes", c -> outermost(c).getSimpleName().endsWith("Delegate"));
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass mapper, ConditionEvents events) {
                String home = topPackage(mapper.getName());
                for (Dependency d : mapper.getDirectDependenciesToSelf()) {
                    String from = d.getOriginClass().getName();
                    String user = from.startsWith(BASE + ".") ? topPackage(from) : home;
                    if (!user.equals(home)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
