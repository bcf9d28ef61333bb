package onboarding.model;

import java.util.Map;
import java.util.Optional;

/** Every event type the apps exchange, with the payload record of each schema version. */
public final class EventTypes {

    public static final String PROSPECT_SUBMITTED = "prospect.submitted";

    private static final Map<String, Class<?>> PAYLOADS = Map.of(
            key(PROSPECT_SUBMITTED, 1), ProspectSubmittedV1.class);

    private EventTypes() {
    }

    /** The payload class of an event type at a schema version, if that pair is known. */
    public static Optional<Class<?>> payloadType(String eventType, int schemaVersion) {
        return Optional.ofNullable(PAYLOADS.get(key(eventType, schemaVersion)));
    }

    private static String key(String eventType, int version) {
        return eventType + "@v" + version;
    }
}
