package cn.studyflow.material;

public enum MaterialStatus {
    /** Uploaded, not yet submitted. */
    DRAFT,
    /** Submitted; somewhere in the two reviews and the sign-off. */
    SUBMITTED,
    /** Returned by a reviewer; the author uploads a revised version. */
    RETURNED,
    /** Signed off by the leader and archived with its session; every member of the group may read it. */
    ARCHIVED;

    /** Whether the author may upload a version and submit now. */
    public boolean isWithAuthor() {
        return this == DRAFT || this == RETURNED;
    }
}
