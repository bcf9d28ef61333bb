package onboarding.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.LaunchMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_production_process_refuses_the_development_keys_published_with_the_code() {
        for (String published : Signatures.PUBLISHED) {
            assertThrows(IllegalStateException.class,
                    () -> Signatures.refusePublished(List.of("an-installation-own-key-0123", published), LaunchMode.NORMAL));
            assertDoesNotThrow(() -> Signatures.refusePublished(List.of(published), LaunchMode.TEST));
            assertDoesNotThrow(() -> Signatures.refusePublished(List.of(published), LaunchMode.DEVELOPMENT));
        }
        assertDoesNotThrow(() -> Signatures.refusePublished(List.of("an-installation-own-key-0123"), LaunchMode.NORMAL));
    }

    @Test
    void a_batch_signed_with_another_key_or_too_old_is_refused() {
        Signatures ours = new Signatures(List.of("an-installation-own-key-0123"), Duration.ofMinutes(2), NOW);
        Signatures forger = new Signatures(List.of(Signatures.PUBLISHED.get(0)), Duration.ofMinutes(2), NOW);
        long now = ours.now();
        assertNull(ours.refusal(Long.toString(now), ours.sign(now, "{}"), "{}"));
        assertEquals("bad signature", ours.refusal(Long.toString(now), forger.sign(now, "{}"), "{}"));
        assertEquals("bad signature", ours.refusal(Long.toString(now), ours.sign(now, "{}"), "{ }"));
        assertEquals("stale timestamp", ours.refusal(Long.toString(now - 600), ours.sign(now - 600, "{}"), "{}"));
        assertEquals("missing signature", ours.refusal(null, null, "{}"));
        assertEquals("malformed timestamp", ours.refusal("yesterday", ours.sign(now, "{}"), "{}"));
    }
}
