/** Organisations, people, roles and the scope rules that decide who sees which organisation's work. */
package cn.studyflow.org;
