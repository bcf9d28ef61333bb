package onboarding.bridge.transport;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import onboarding.bridge.DualWriteConfig;

/** HMAC-SHA256 signatures over {@code timestamp + "." + body}, with every configured key accepted. */
@ApplicationScoped
@Startup // created at start-up: a published key stops the process before it serves anything
public class Signatures {

    public static final String TIMESTAMP_HEADER = "X-DualWrite-Timestamp";
    public static final String SIGNATURE_HEADER = "X-DualWrite-Signature";
    private static final String SCHEME = "v1=";

    private final List<String> secrets;
    private final Duration maxSkew;
    private final Clock clock;

    /**
     * Keys published in this repository for development and tests: anyone could sign a batch with them, so a
     * production process (the packaged app, {@link LaunchMode#NORMAL}) refuses to start with one.
     */
    static final List<String> PUBLISHED = List.of("dev-only-shared-secret-change-me", "previous-key-still-accepted");

    @Inject
    Signatures(DualWriteConfig config) {
        this(config.secrets(), config.maxClockSkew(), Clock.systemUTC());
        refusePublished(config.secrets(), LaunchMode.current());
    }

    static void refusePublished(List<String> secrets, LaunchMode mode) {
        if (mode == LaunchMode.NORMAL && secrets.stream().anyMatch(PUBLISHED::contains)) {
            throw new IllegalStateException("dualwrite.secrets holds a development key published with the source code:"
                    + " set DUALWRITE_SECRETS to this installation's own key (./start.sh makes one in run/secrets.env)");
        }
    }

    public Signatures(List<String> secrets, Duration maxSkew, Clock clock) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s.length() < 16)) {
            throw new IllegalArgumentException("dualwrite.secrets needs at least one key of 16 characters or more");
        }
        this.secrets = List.copyOf(secrets);
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** The signature header value for a body sent at {@code timestamp} (epoch seconds). */
    public String sign(long timestamp, String body) {
        return SCHEME + hmac(secrets.get(0), timestamp + "." + body);
    }

    /** Null when the request is authentic and fresh, else the reason it is refused. */
    public String refusal(String timestampHeader, String signatureHeader, String body) {
        if (timestampHeader == null || signatureHeader == null) {
            return "missing signature";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return "malformed timestamp";
        }
        if (Math.abs(now() - timestamp) > maxSkew.toSeconds()) {
            return "stale timestamp";
        }
        if (!signatureHeader.startsWith(SCHEME)) {
            return "unknown signature scheme";
        }
        byte[] given = signatureHeader.substring(SCHEME.length()).getBytes(StandardCharsets.US_ASCII);
        String signed = timestamp + "." + body;
        for (String secret : secrets) {
            if (MessageDigest.isEqual(given, hmac(secret, signed).getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
        }
        return "bad signature";
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
