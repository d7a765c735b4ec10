package cn.studyflow.audit;

import lombok.Getter;
import lombok.Setter;

/**
 * Who an auditor row (a pool membership or an assignment) names, as read alongside it: the person's
 * id, login, display name and organisation.
 */
@Getter
@Setter
public abstract class AuditorColumns {

    private Long personId;
    private String username;
    private String displayName;
    private Long personOrgId;
    private String personOrgName;
}
