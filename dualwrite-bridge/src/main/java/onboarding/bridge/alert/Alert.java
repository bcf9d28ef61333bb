package onboarding.bridge.alert;

import java.time.Instant;

/** A fired alert as the console shows it: FIRING until its count is back below the threshold, then CLEARED. */
public record Alert(long id, Long ruleId, String tableMap, int errorCount, int threshold, int windowMinutes,
        String lastError, boolean paused, String mailTo, String mailStatus, String mailError, Instant firedAt,
        Instant clearedAt, String acknowledgedBy) {

    public String state() {
        return clearedAt == null ? "FIRING" : "CLEARED";
    }
}
