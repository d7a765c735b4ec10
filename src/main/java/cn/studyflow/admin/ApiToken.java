package cn.studyflow.admin;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A personal access token for the JSON API; the secret itself is never stored, only its SHA-256 hash. */
@Getter
@Setter
public class ApiToken {

    private Long id;
    private long personId;
    private String name;
    private String tokenHash;
    private String prefix;
    private boolean readOnly;
    private OffsetDateTime createdAt;
    private OffsetDateTime expiresAt;
    private OffsetDateTime lastUsedAt;
    private OffsetDateTime revokedAt;

    /** ACTIVE, EXPIRED or REVOKED at {@code now}: the page's label and the reason a call is refused. */
    public String state(OffsetDateTime now) {
        if (revokedAt != null) {
            return "REVOKED";
        }
        return expiresAt.isAfter(now) ? "ACTIVE" : "EXPIRED";
    }
}
