package onboarding.commerce.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.prospect.Prospect;
import onboarding.ui.Messages;
import onboarding.ui.UiLocale;

/** The emails to a requester, rendered in the language they used on the signup page and queued. */
@ApplicationScoped
public class PartnerMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance receivedHtml(Prospect prospect);

        static native TemplateInstance receivedText(Prospect prospect);

        static native TemplateInstance approvedHtml(Prospect prospect, Customer admin, String activationUrl);

        static native TemplateInstance approvedText(Prospect prospect, Customer admin, String activationUrl);

        static native TemplateInstance rejectedHtml(Prospect prospect, String reason);

        static native TemplateInstance rejectedText(Prospect prospect, String reason);
    }

    private final MailService mail;

    PartnerMails(MailService mail) {
        this.mail = mail;
    }

    public long applicationReceived(Prospect prospect) {
        return queue(MailKind.APPLICATION_RECEIVED, prospect, "mail.received.subject",
                Templates.receivedHtml(prospect), Templates.receivedText(prospect), null);
    }

    /**
     * The approval, with the administrator's activation link: {@code activationUrl} ends with
     * {@link OneTimeLinks#PLACEHOLDER}, for which the sender puts a fresh token of purpose {@code ACTIVATION}.
     */
    public long approved(Prospect prospect, Customer admin, String activationUrl) {
        return queue(MailKind.APPROVED, prospect, "mail.approved.subject",
                Templates.approvedHtml(prospect, admin, activationUrl),
                Templates.approvedText(prospect, admin, activationUrl),
                new MailService.Link(admin.id, OneTimeLinks.ACTIVATION));
    }

    /** {@code reasonKey} is the bundle key of the reason, or null when it may not be shared. */
    public long rejected(Prospect prospect, String reasonKey) {
        Locale locale = localeOf(prospect);
        String reason = reasonKey == null ? null : Messages.get(locale, reasonKey);
        return queue(MailKind.REJECTED, prospect, "mail.rejected.subject",
                Templates.rejectedHtml(prospect, reason), Templates.rejectedText(prospect, reason), null);
    }

    private long queue(MailKind kind, Prospect prospect, String subjectKey, TemplateInstance html,
            TemplateInstance text, MailService.Link link) {
        Locale locale = localeOf(prospect);
        MailService.Rendered content = UiLocale.with(locale, () -> new MailService.Rendered(
                Messages.get(locale, subjectKey, prospect.number, prospect.companyName), html.render(), text.render()));
        return mail.queue(kind, prospect.email, locale, content, prospect.id, link);
    }

    private static Locale localeOf(Prospect prospect) {
        return Messages.supported(prospect.language);
    }
}
