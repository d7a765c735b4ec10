/**
 * The study year on record (学习档案): an organisation's archive of a year gathered from every feature through
 * {@link cn.studyflow.archive.ArchiveSource} and streamed as one .zip, and the closing of a year
 * (processes/year-archive-closing.bpmn), which implements {@link cn.studyflow.org.ClosedYears}.
 */
package cn.studyflow.archive;
