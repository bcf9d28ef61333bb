package onboarding.model;

/** The person who applies on behalf of a company. */
public record ContactInfo(String firstName, String lastName, String email, String phone) {
}
