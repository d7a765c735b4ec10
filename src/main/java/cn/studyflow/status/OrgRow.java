package cn.studyflow.status;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** One grouped row of a figure per organisation; each query fills the fields it needs. */
@Getter
@Setter
public class OrgRow {

    private long orgId;
    private String code;
    private String label;
    private long n;
    private long m;
    private Double amount;
    private OffsetDateTime since;
}
