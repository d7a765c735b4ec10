package cn.studyflow.status;

/**
 * The status filter of the instance list. Returned and withdrawn are histories, not states: an instance
 * returned for revision once is "returned" whether or not it runs still.
 */
public enum InstanceStatus {
    RUNNING, COMPLETED, RETURNED, WITHDRAWN
}
