package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import lombok.Getter;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller of the API who showed a valid personal access token: the person as freshly read for this request, and
 * whether the token only reads. It lives for one request; a token never makes a session.
 */
@Getter
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final CurrentUser principal;
    private final long tokenId;
    private final boolean readOnly;

    TokenAuthentication(CurrentUser principal, long tokenId, boolean readOnly) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.tokenId = tokenId;
        this.readOnly = readOnly;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
