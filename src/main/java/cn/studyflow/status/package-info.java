/**
 * The managers' views: dashboards of a subtree, the instance list and its export, an instance on its diagram,
 * a process with running counts and a duration heatmap, and incidents for administrators. It reads the journal;
 * the features add their columns through {@link cn.studyflow.status.OrgFiguresSource}.
 */
package cn.studyflow.status;
