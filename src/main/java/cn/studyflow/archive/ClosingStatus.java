package cn.studyflow.archive;

/** Where a request to close a year stands; see V24__archive.sql. */
public enum ClosingStatus {
    REQUESTED, RETURNED, CLOSED, REOPENED
}
