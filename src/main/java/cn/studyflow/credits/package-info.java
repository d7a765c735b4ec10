/**
 * Study credits (学分, issue 20): rules with the day each applies from, a ledger materialised from what the features
 * tell through {@link cn.studyflow.credits.CreditSource}, standings against each cadre rank's target, shortfall,
 * retraining (调训), reminders, and a person's own record of a year.
 */
package cn.studyflow.credits;
