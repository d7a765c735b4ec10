package cn.studyflow.support;

import java.util.ArrayList;
import java.util.List;

/** The command-line arguments of nodes on a PostgreSQL schema of their own, as the cluster and fault tests start them. */
public final class NodeArgs {

    private NodeArgs() {
    }

    /** Demo data and the {@code postgres} profile on {@code schema}, plus {@code more}. */
    public static List<String> postgres(String schema, String... more) {
        List<String> args = new ArrayList<>(List.of(
            "--spring.profiles.active=demo,postgres",
            "--spring.datasource.url=" + TestDatabase.urlOf(schema),
            "--spring.datasource.username=" + TestDatabase.USER,
            "--spring.datasource.password=" + TestDatabase.PASSWORD,
            "--camunda.bpm.database.schema-name=" + schema,
            "--camunda.bpm.database.table-prefix=" + schema + "."));
        args.addAll(List.of(more));
        return args;
    }
}
