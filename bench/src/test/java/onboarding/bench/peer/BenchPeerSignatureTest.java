package onboarding.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import onboarding.bridge.transport.Signatures;
import org.junit.jupiter.api.Test;

/** The peer signs its batches so that the bridge's inbox accepts them, and only with the first key. */
class BenchPeerSignatureTest {

    static final String KEY = "bench-only-key-0123456789";
    static final long NOW = 1_780_000_000L;

    private static Signatures bridge(String... keys) {
        return new Signatures(List.of(keys), Duration.ofMinutes(2), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    @Test
    void theBridgeAcceptsThePeersSignature() {
        String body = "{\"events\":[]}";
        String signature = InboxClient.sign(KEY, NOW, body);
        assertNull(bridge(KEY).refusal(Long.toString(NOW), signature, body));
        assertEquals(bridge(KEY).sign(NOW, body), signature, "the same header value as the relay's");
    }

    @Test
    void theBridgeRefusesAnotherBodyOrKey() {
        String signature = InboxClient.sign(KEY, NOW, "{\"events\":[]}");
        assertEquals("bad signature", bridge(KEY).refusal(Long.toString(NOW), signature, "{\"events\":[1]}"));
        assertEquals("bad signature", bridge("another-key-0123456789").refusal(Long.toString(NOW), signature,
                "{\"events\":[]}"));
    }

    @Test
    void signsWithTheFirstOfSeveralKeys() {
        InboxClient client = new InboxClient("http://127.0.0.1:1", KEY + ",old-key-still-accepted-0000");
        assertEquals(InboxClient.sign(KEY, NOW, "{}"), client.signature(NOW, "{}"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new InboxClient("http://10.1.2.3:8081", KEY));
    }
}
