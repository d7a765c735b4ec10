package cn.studyflow.admin;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: a person makes one on a page (name, expiry, read-only or not) and sees the secret once;
 * the API takes it as {@code Authorization: Bearer}. The secret is 256 random bits, so a SHA-256 hash is all the
 * store needs (a slow hash guards guessable passwords, not random secrets), and checking a call costs one indexed
 * read instead of a BCrypt check.
 */
@Service
@RequiredArgsConstructor
public class ApiTokens {

    /** Every secret starts so, which lets a log scanner or a person tell a StudyFlow token at a glance. */
    static final String SCHEME = "sft_";
    static final int MAX_NAME = 100;
    static final int MAX_DAYS = 365;
    static final int MAX_ACTIVE = 20;
    private static final int PREFIX = 10;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenMapper tokens;
    private final Trail trail;
    private final Clock clock;

    /** The caller's tokens, newest first; the page shows each one's state. */
    public List<ApiToken> mine(CurrentUser user) {
        return tokens.selectByPerson(user.getPersonId());
    }

    /** Makes a token and returns its secret, which exists nowhere else afterwards. */
    @Transactional
    public String create(CurrentUser user, String name, LocalDate expiresOn, boolean readOnly) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw BusinessException.invalid("admin.token.name", MAX_NAME);
        }
        LocalDate today = LocalDate.now(clock);
        if (expiresOn == null || !expiresOn.isAfter(today) || expiresOn.isAfter(today.plusDays(MAX_DAYS))) {
            throw BusinessException.invalid("admin.token.expiry", MAX_DAYS);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (tokens.countActive(user.getPersonId(), now) >= MAX_ACTIVE) {
            throw BusinessException.invalid("admin.token.tooMany", MAX_ACTIVE);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken();
        token.setPersonId(user.getPersonId());
        token.setName(trimmed);
        token.setTokenHash(hash(secret));
        token.setPrefix(secret.substring(0, PREFIX));
        token.setReadOnly(readOnly);
        token.setCreatedAt(now);
        token.setExpiresAt(expiresOn.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        tokens.insert(token);
        trail.record(user, "TOKEN_CREATE", Trail.PERSON, user.getPersonId(), user.getDisplayName(),
            user.getOrg().getPath(), null, trimmed + (readOnly ? " (read-only)" : ""));
        return secret;
    }

    /** Ends one of the caller's own tokens; someone else's is not found. */
    @Transactional
    public void revoke(CurrentUser user, long id) {
        ApiToken token = tokens.selectByPerson(user.getPersonId()).stream()
            .filter(t -> t.getId() == id).findFirst().orElseThrow(BusinessException::notFound);
        if (tokens.revoke(id, user.getPersonId(), OffsetDateTime.now(clock)) == 0) {
            throw BusinessException.conflict("admin.token.alreadyRevoked");
        }
        trail.record(user, "TOKEN_REVOKE", Trail.PERSON, user.getPersonId(), user.getDisplayName(),
            user.getOrg().getPath(), token.getName(), null);
    }

    /**
     * The token a secret belongs to, whatever its state (the caller refuses an expired or revoked one with its own
     * message), or null; a token in use has its last use written, at most once a minute.
     */
    public ApiToken find(String secret) {
        if (secret == null || !secret.startsWith(SCHEME) || secret.length() > 100) {
            return null;
        }
        ApiToken token = tokens.selectByHash(hash(secret));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (token != null && "ACTIVE".equals(token.state(now))
            && (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minus(TOUCH_EVERY)))) {
            tokens.touch(token.getId(), now);
            token.setLastUsedAt(now);
        }
        return token;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    Clock clock() {
        return clock;
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
