package cn.studyflow.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The six-digit sign-in code of an open session: derived from the session's secret and the 30-second time step
 * by HMAC-SHA1 with dynamic truncation, as TOTP (RFC 6238) does. A code is accepted during its own step and the
 * next one, so that a member who typed it just before it changed is not refused.
 */
@Component
@RequiredArgsConstructor
public class SignInCodes {

    /** How long one code is shown. */
    public static final int STEP_SECONDS = 30;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A fresh secret for a session whose sign-in opens: 20 random bytes as hex. */
    public String newSecret() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The time step of now. */
    public long step() {
        return clock.instant().getEpochSecond() / STEP_SECONDS;
    }

    /** Seconds until the current code is replaced (1 to 30). */
    public int secondsLeft() {
        Instant now = clock.instant();
        return (int) (STEP_SECONDS - now.getEpochSecond() % STEP_SECONDS);
    }

    /** The code shown now. */
    public String current(String secret) {
        return code(secret, step());
    }

    /** Whether {@code code} is the code of the current step or of the step before. */
    public boolean accepts(String secret, String code) {
        if (secret == null || code == null || !code.matches("\\d{6}")) {
            return false;
        }
        long now = step();
        return constantTimeEquals(code, code(secret, now)) | constantTimeEquals(code, code(secret, now - 1));
    }

    static String code(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
