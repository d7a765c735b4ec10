/**
 * Study materials and their review, "two reviews and one sign-off" (两审一把关): files, versions, checklists, deadlines.
 *
 * <p>One service a use case: {@code MaterialService} reads, {@code MaterialUploads} takes uploads, versions and
 * submissions, {@code MaterialReviews} records the reviewers' decisions, {@code MaterialCallbacks} is what the
 * delegates call (reminder, overdue, archive), and {@code MaterialAccess} holds who may write, read and review.
 */
package cn.studyflow.material;
