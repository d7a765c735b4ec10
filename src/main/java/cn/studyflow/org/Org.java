package cn.studyflow.org;

import java.io.Serializable;
import java.time.OffsetDateTime;

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

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public OrgKind getKind() { return kind; }
    public void setKind(OrgKind kind) { this.kind = kind; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }

    /** Whether {@code other} is this organisation or one below it. */
    public boolean contains(Org other) {
        return other.getPath().startsWith(path);
    }
}
