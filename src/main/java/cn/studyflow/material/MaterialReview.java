package cn.studyflow.material;

import cn.studyflow.task.Decision;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A reviewer's decision on one version of a material, with the checklist of the second review. */
@Getter
@Setter
public class MaterialReview extends VersionRow {

    private String taskId;
    private String step;
    private Long reviewerId;
    private String reviewerName;
    private Decision decision;
    private String comment;
    private Boolean notClassified;
    private OffsetDateTime createdAt;
    private List<MaterialCheck> checks = new ArrayList<>();
}
