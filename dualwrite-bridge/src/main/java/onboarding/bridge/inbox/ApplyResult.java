package onboarding.bridge.inbox;

/**
 * What applying an incoming event did here: the local record it created or changed, with a label
 * people read (e.g. lead {@code L-000045}) and the link to open it.
 */
public record ApplyResult(String recordId, String recordLabel) {
}
