package onboarding.model;

/** The organisation that applies to become a partner. */
public record CompanyInfo(
        String name,
        String street,
        String city,
        String postalCode,
        String countryCode,
        String vatNumber,
        String website) {
}
