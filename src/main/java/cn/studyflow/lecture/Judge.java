package cn.studyflow.lecture;

import lombok.Getter;
import lombok.Setter;

/** A judge of a round: a person, named by their display name on pages. */
@Getter
@Setter
public class Judge {

    private Long personId;
    private String username;
    private String name;
    private Long orgId;
    private String orgName;
}
