package cn.studyflow.org;

/** Kinds of organisation in the committee tree; labels come from the {@code org.kind.*} messages. */
public enum OrgKind {
    CITY, COUNTY, TOWN, STREET, DEPARTMENT
}
