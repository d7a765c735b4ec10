/** Annual and monthly supplementary study plans, their revisions and their approval processes. */
package cn.studyflow.plan;
