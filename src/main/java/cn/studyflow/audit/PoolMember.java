package cn.studyflow.audit;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A person in a dept's auditor pool (巡听人员库). */
@Getter
@Setter
public class PoolMember extends AuditorColumns {

    private Long id;
    private Long deptOrgId;
    private String specialty;
    private boolean active;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    // joined from the person
    private String personOrgPath;
}
