package onboarding.model;

import java.time.Instant;

/**
 * Payload of {@link EventTypes#PROSPECT_SUBMITTED}, schema version 1: a partner signup accepted by Commerce.
 *
 * @param prospectId     Commerce's id of the prospect
 * @param prospectNumber readable number such as {@code PR-000123}
 * @param prospectUrl    link to the prospect in the Commerce back office
 * @param language       language the requester used on the signup page ({@code en}, {@code fr})
 */
public record ProspectSubmittedV1(
        long prospectId,
        String prospectNumber,
        String prospectUrl,
        CompanyInfo company,
        ContactInfo contact,
        String message,
        String language,
        Instant submittedAt) {
}
