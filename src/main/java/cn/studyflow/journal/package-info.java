/**
 * The status journal ({@code sf_instance}, {@code sf_stage}) that the managers' views read: engine listeners
 * keep it in the transaction of each step, and features give it the owners of old instances through
 * {@link cn.studyflow.journal.JournalSource}. Its listeners are an engine plugin, so it may import {@code org.camunda}.
 */
package cn.studyflow.journal;
