package cn.studyflow.leave;

/** Why a person cannot attend: work trip (出差), illness (病假), official duty (公务), or another reason told in words. */
public enum LeaveReason {
    WORK_TRIP, ILLNESS, OFFICIAL_DUTY, OTHER
}
