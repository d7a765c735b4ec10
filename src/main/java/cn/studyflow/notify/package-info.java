/** In-app notifications: reminders, escalations and decisions, with an unread count on every page. */
package cn.studyflow.notify;
