/** The application shell: security, web configuration, error pages, i18n and locale, the layout's model, the home page and the production bootstrap. Features do not depend on it. */
package cn.studyflow.system;
