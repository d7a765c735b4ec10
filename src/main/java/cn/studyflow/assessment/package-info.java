/**
 * The record of a study year seen from above: the yearly assessment (考核) of each organisation from weighted
 * indicators that the features count ({@link cn.studyflow.assessment.IndicatorSource}), the superior publicity
 * department's grade and comment, and the bulletins (学习通报) it issues to its subtree. See docs/archive.md.
 */
package cn.studyflow.assessment;
