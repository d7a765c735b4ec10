/**
 * Shared basics every package may use: business exceptions, paging, like-patterns, dates, subject refs,
 * candidate groups, the versioned save of a row under optimistic locking and the flash message of a form. Imports nothing of StudyFlow (nor
 * the engine), so that it can sit below every other package.
 */
package cn.studyflow.common;
