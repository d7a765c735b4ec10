package cn.studyflow.material;

import cn.studyflow.task.Decision;
import lombok.Getter;
import lombok.Setter;

/**
 * The office's first review (初审): approve or return, and to approve, the explicit confirmation that the
 * material holds no classified content (不涉密).
 */
@Getter
@Setter
public class FirstReviewForm {

    private Decision decision;
    private boolean notClassified;
    private String comment;
}
