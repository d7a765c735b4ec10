/**
 * Audit sit-in (巡听旁听): the dept's auditor pool, fixed, random and invited audits of subordinate study
 * sessions, auditors' records and the rectification that may follow.
 */
package cn.studyflow.audit;
