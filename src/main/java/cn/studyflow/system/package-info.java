/** What every feature leans on: security, web configuration, error pages, i18n and formatting. */
package cn.studyflow.system;
