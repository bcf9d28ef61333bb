package onboarding.commerce.signup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.mail.PartnerMails;
import onboarding.commerce.prospect.Prospect;
import onboarding.commerce.prospect.ProspectEvents;
import onboarding.commerce.prospect.ProspectService;
import onboarding.commerce.prospect.ProspectStatus;
import onboarding.commerce.prospect.ReplicationStatus;
import onboarding.ui.form.FormErrors;
import org.jboss.logging.Logger;

/**
 * Turns a valid signup into a prospect, in one transaction with its outbox event (replication to Sales
 * as a lead) and its "application received" email (sent after commit).
 */
@ApplicationScoped
public class SignupService {

    private static final Logger LOG = Logger.getLogger(SignupService.class);

    /**
     * The outcome of a submission: the new prospect, or the errors per field (bundle keys), or the reason a valid
     * submission was refused ({@link SignupLimits}, a bundle key).
     */
    public record Result(Prospect prospect, Map<String, String> errors, String refusal) {
        public boolean accepted() {
            return errors.isEmpty() && refusal == null;
        }
    }

    private final Validator validator;
    private final ProspectEvents events;
    private final Timeline timeline;
    private final PartnerMails mails;
    private final SignupLimits limits;

    SignupService(Validator validator, ProspectEvents events, Timeline timeline, PartnerMails mails,
            SignupLimits limits) {
        this.limits = limits;
        this.validator = validator;
        this.events = events;
        this.timeline = timeline;
        this.mails = mails;
    }

    /**
     * Validates the form; when valid and within the limits for its email and client {@code address}, stores the
     * prospect, its event and its email. Invalid or refused input changes nothing.
     */
    @Transactional
    public Result submit(SignupForm form, Locale locale, String address) {
        form.normalize();
        Map<String, String> errors = FormErrors.of(validator.validate(form));
        if (!errors.isEmpty()) {
            return new Result(null, errors, null);
        }
        if (form.isFromRobot()) {
            LOG.infof("honeypot filled in a signup for \"%s\": ignored", form.companyName);
            return new Result(null, Map.of(), null);
        }
        String refusal = limits.refusal(form.email, address);
        if (refusal != null) {
            LOG.infof("signup for \"%s\" refused: %s (from %s)", form.companyName, refusal, address);
            return new Result(null, Map.of(), refusal);
        }
        Prospect prospect = create(form, locale);
        timeline.add(ProspectService.RECORD_TYPE, prospect.id, Timeline.Source.USER, "timeline.prospect.submitted",
                prospect.contactName(), prospect.email, null, prospect.correlationId);
        events.submitted(prospect);
        mails.applicationReceived(prospect);
        LOG.infof("prospect %s submitted by %s for %s (correlation %s)", prospect.number, prospect.email,
                prospect.companyName, prospect.correlationId);
        return new Result(prospect, Map.of(), null);
    }

    private Prospect create(SignupForm form, Locale locale) {
        Prospect prospect = new Prospect();
        prospect.id = Prospect.nextId();
        prospect.number = Prospect.numberOf(prospect.id);
        prospect.status = ProspectStatus.NEW;
        prospect.companyName = form.companyName;
        prospect.firstName = form.firstName;
        prospect.lastName = form.lastName;
        prospect.email = form.email;
        prospect.phone = form.phone;
        prospect.street = form.street;
        prospect.city = form.city;
        prospect.postalCode = form.postalCode;
        prospect.countryCode = form.countryCode;
        prospect.vatNumber = emptyToNull(form.vatNumber);
        prospect.website = emptyToNull(form.website);
        prospect.message = emptyToNull(form.message);
        prospect.language = locale.getLanguage();
        prospect.correlationId = UUID.randomUUID().toString();
        prospect.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        prospect.replicationStatus = ReplicationStatus.PENDING;
        prospect.persist();
        return prospect;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
