package cn.studyflow.lecture;

import lombok.Getter;
import lombok.Setter;

/** A member of the teacher pool (师资团): a lecturer named outstanding, with the lectures that made them one. */
@Getter
@Setter
public class Teacher {

    private Long personId;
    private String name;
    private String orgName;
    /** How many of their lectures were named outstanding. */
    private int lectures;
    private Integer lastYear;
}
