/**
 * Administration: the organisation tree, people and their roles, delegated administration of a subtree, leaving
 * people, temporary passwords, the import and export of people as .xlsx, and the trail of every change.
 */
package cn.studyflow.admin;
