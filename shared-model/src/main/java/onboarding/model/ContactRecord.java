package onboarding.model;

/** A Sales contact as it travels to Commerce (becomes a person customer). */
public record ContactRecord(long contactId, String contactNumber, ContactInfo contact) {
}
