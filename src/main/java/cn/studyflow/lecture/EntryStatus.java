package cn.studyflow.lecture;

/** An entry is in the selection until its lecturer or whoever entered it withdraws it during a collection. */
public enum EntryStatus {
    ENTERED, WITHDRAWN
}
