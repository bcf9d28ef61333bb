package onboarding.bridge.alert;

/** A stored alert rule; {@code tableMap} null means every map, each counted on its own. */
public record AlertRule(long id, String tableMap, int threshold, int windowMinutes, String email, boolean pauseMap,
        String language, boolean enabled, long version) {

    /** Whether errors of {@code map} count for this rule. */
    public boolean covers(String map) {
        return tableMap == null || tableMap.equals(map);
    }
}
