/**
 * The tasklist, generic over every process: listing, claiming and deciding on tasks, the history timeline
 * of business objects, and the contract through which each feature shows its object on a task page.
 */
package cn.studyflow.task;
