package cn.studyflow.plan;

import cn.studyflow.common.VersionedRow;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
public class Plan implements VersionedRow {

    private Long id;
    private Long orgId;
    private PlanKind kind;
    private int planYear;
    private Integer planMonth;
    private String annualKey;
    private String title;
    private PlanStatus status;
    private int revision;
    private String processInstanceId;
    private Long createdBy;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private int version;
}
