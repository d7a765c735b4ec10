/**
 * Shared basics every package may use: business exceptions, paging, like-patterns, dates, subject refs,
 * candidate groups, the versioned save of a row under optimistic locking and the base of service tasks that act
 * on one object by id. Imports nothing of StudyFlow, so that it can sit below every other package.
 */
package cn.studyflow.common;
