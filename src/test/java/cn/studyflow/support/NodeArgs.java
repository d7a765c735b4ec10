package cn.studyflow.support;

import java.util.ArrayList;
import java.util.List;

/** The command-line arguments of nodes on a PostgreSQL schema of their own, as the cluster and fault tests start them. */
public final class NodeArgs {

    private NodeArgs() {
    }

    /**
     * Demo data (without the samples that leave tasks and timers) and the {@code postgres} profile on {@code schema},
     * plus {@code more}.
     */
    public static List<String> postgres(String schema, String... more) {
        List<String> args = new ArrayList<>(List.of(
            "--spring.profiles.active=demo,postgres",
            "--spring.datasource.url=" + TestDatabase.urlOf(schema),
            "--spring.datasource.username=" + TestDatabase.USER,
            "--spring.datasource.password=" + TestDatabase.PASSWORD,
            "--camunda.bpm.database.schema-name=" + schema,
            "--camunda.bpm.database.table-prefix=" + schema + ".",
            // the demo's lecture round (judges' tasks and timers), its year closing (the leader's task), its bulletin
            // and its make-ups (notifications at start-up), its sample material (a review task and reminder timers),
            // its sample leave and its finished audit (notifications) stay out: these tests count the work, the jobs
            // and the notifications they make themselves, and they move sessions about, which a sample material or
            // leave would follow into a second copy on the next node's start
            "--studyflow.demo.sample-lectures=false",
            "--studyflow.demo.sample-makeup=false",
            "--studyflow.demo.sample-archive=false",
            "--studyflow.demo.sample-bulletin=false",
            "--studyflow.demo.sample-material=false",
            "--studyflow.demo.sample-leave=false",
            "--studyflow.demo.sample-audit=false"));
        args.addAll(List.of(more));
        return args;
    }
}
