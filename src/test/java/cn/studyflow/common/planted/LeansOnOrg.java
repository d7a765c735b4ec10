package cn.studyflow.common.planted;

import cn.studyflow.org.Role;

/** A violation planted for BoundariesBiteTest: a basic of the floor that uses a feature. */
public class LeansOnOrg {

    public Role role() {
        return Role.ADMIN;
    }
}
