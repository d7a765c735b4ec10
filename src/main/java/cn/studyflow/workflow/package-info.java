/**
 * The thin layer over the Camunda engine: deployment, starting processes, task queries and actions, and
 * diagram state. Apart from delegates and the status journal's engine plugin ({@code journal}), only this
 * package imports {@code org.camunda}.
 */
package cn.studyflow.workflow;
