package cn.studyflow.org;

import java.io.Serializable;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
public class Org implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private String code;
    private String name;
    private OrgKind kind;
    private Long parentId;
    private String path;
    private OffsetDateTime createdAt;
    private boolean active = true;

    /** Whether {@code other} is this organisation or one below it. */
    public boolean contains(Org other) {
        return other.getPath().startsWith(path);
    }
}
