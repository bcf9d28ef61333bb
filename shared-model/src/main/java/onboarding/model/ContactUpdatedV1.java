package onboarding.model;

/** A contact was edited in Sales; Commerce updates the person customer linked to it. */
public record ContactUpdatedV1(long contactId, String contactNumber, ContactInfo contact, String updatedBy) {
}
