/**
 * Audit sit-in (巡听旁听): the dept's auditor pool, fixed, random and invited audits of subordinate study
 * sessions, auditors' records and the rectification that may follow.
 *
 * <p>One service a use case: {@code AuditService} reads, {@code AuditPlanning} creates (fixed, drawn, invited),
 * {@code AuditAssignmentSteps} and {@code AuditRecordSteps} run the steps decided on the audit's forms,
 * {@code AuditCallbacks} is what the delegates call, and {@code AuditAccess} holds who may see and run what.
 */
package cn.studyflow.audit;
