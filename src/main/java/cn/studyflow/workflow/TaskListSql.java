package cn.studyflow.workflow;

import cn.studyflow.common.Like;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;

/**
 * The tasklist's query, as StudyFlow's own SQL over the engine's task tables (a native task query, part of the
 * engine's public API). The engine's own task query joins the candidate links with a left join and puts "mine"
 * and "my groups" in one {@code OR}: PostgreSQL then reads every open task for the "all" view, and H2 for every
 * view with groups. Here each part is a subquery that an index answers (assignee, owner, candidate group), so
 * the time follows the person's own tasks, not all open tasks. docs/performance.md has the measurements.
 */
final class TaskListSql {

    private final String task;
    private final String link;
    private final String definition;
    private final String variable;
    private final String where;
    private final String order;
    private final Map<String, Object> parameters = new HashMap<>();

    /** @param prefix the engine's table prefix ({@link #tablePrefix}) */
    TaskListSql(String prefix, TaskFilter filter, TaskFilter.View view) {
        task = prefix + "ACT_RU_TASK";
        link = prefix + "ACT_RU_IDENTITYLINK";
        definition = prefix + "ACT_RE_PROCDEF";
        variable = prefix + "ACT_RU_VARIABLE";
        // the view's ids drive the query and each task is then read by its key: H2 does not turn an IN (... UNION ...)
        // into key lookups, and PostgreSQL plans both forms alike
        where = " FROM (" + viewSql(filter, view) + ") S INNER JOIN " + task + " RES ON RES.ID_ = S.ID_"
            + " WHERE RES.SUSPENSION_STATE_ = 1" + filtersSql(filter);
        String direction = filter.ascending() ? " ASC" : " DESC";
        order = " ORDER BY RES." + (filter.sort() == TaskFilter.Sort.DUE ? "DUE_DATE_" : "CREATE_TIME_") + direction
            + ", RES.ID_" + direction;
    }

    /** The prefix the engine puts before its table names (none unless configured). */
    static String tablePrefix(ManagementService management) {
        String task = management.getTableName(Task.class);
        return task.substring(0, task.length() - "ACT_RU_TASK".length());
    }

    NativeTaskQuery list(TaskService tasks) {
        return withParameters(tasks.createNativeTaskQuery().sql("SELECT RES.*" + where + order));
    }

    NativeTaskQuery count(TaskService tasks) {
        return withParameters(tasks.createNativeTaskQuery().sql("SELECT COUNT(*)" + where));
    }

    private NativeTaskQuery withParameters(NativeTaskQuery query) {
        parameters.forEach(query::parameter);
        return query;
    }

    /** The ids of the tasks the view shows: assigned to or owned by the person, or unclaimed in their groups. */
    private String viewSql(TaskFilter filter, TaskFilter.View view) {
        parameters.put("username", filter.username());
        String mine = "SELECT T.ID_ AS ID_ FROM " + task + " T WHERE T.ASSIGNEE_ = #{username}"
            + " UNION SELECT T.ID_ FROM " + task + " T WHERE T.OWNER_ = #{username}";
        if (view == TaskFilter.View.MINE) {
            return mine;
        }
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < filter.groups().size(); i++) {
            parameters.put("group" + i, filter.groups().get(i));
            groups.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
        }
        String unclaimed = "SELECT I.TASK_ID_ AS ID_ FROM " + link + " I INNER JOIN " + task + " T ON T.ID_ = I.TASK_ID_"
            + " WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (" + groups + ") AND T.ASSIGNEE_ IS NULL";
        return view == TaskFilter.View.GROUP ? unclaimed : mine + " UNION " + unclaimed;
    }

    private String filtersSql(TaskFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.processKey() != null) {
            parameters.put("processKey", filter.processKey());
            sql.append(" AND RES.PROC_DEF_ID_ IN (SELECT D.ID_ FROM ").append(definition)
                .append(" D WHERE D.KEY_ = #{processKey})");
        }
        if (filter.orgId() != null) {
            parameters.put("orgId", filter.orgId());
            sql.append(instanceVariable(Workflow.VAR_ORG_ID, "V.LONG_ = #{orgId}"));
        }
        String title = Like.containing(filter.title());
        if (title != null) {
            parameters.put("title", title);
            sql.append(instanceVariable(Workflow.VAR_TITLE, "V.TEXT_ LIKE #{title} ESCAPE '\\'"));
        }
        return sql.toString();
    }

    /** A condition on a variable of the task's process instance itself (not of a task or a sub-execution). */
    private String instanceVariable(String name, String condition) {
        return " AND EXISTS (SELECT 1 FROM " + variable + " V WHERE V.EXECUTION_ID_ = RES.PROC_INST_ID_"
            + " AND V.NAME_ = '" + name + "' AND " + condition + ")";
    }
}
