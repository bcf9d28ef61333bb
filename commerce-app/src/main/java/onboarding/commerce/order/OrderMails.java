package onboarding.commerce.order;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import onboarding.commerce.CommerceConfig;
import onboarding.commerce.catalogue.Money;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.mail.MailKind;
import onboarding.commerce.mail.MailService;
import onboarding.ui.Messages;
import onboarding.ui.UiLocale;

/**
 * The emails about orders, each in its recipient's language (text and HTML), queued in the order's transaction and
 * sent after it commits: confirmation and approved / rejected to the orderer, approval requests to the company's
 * approvers and admins.
 */
@ApplicationScoped
public class OrderMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance orderHtml(PurchaseOrder order, Customer recipient, String intro, String reason,
                String orderUrl);

        static native TemplateInstance orderText(PurchaseOrder order, Customer recipient, String intro, String reason,
                String orderUrl);
    }

    private final MailService mail;
    private final CommerceConfig config;

    OrderMails(MailService mail, CommerceConfig config) {
        this.mail = mail;
        this.config = config;
    }

    void confirmation(PurchaseOrder order, Customer orderer) {
        queue(MailKind.ORDER_CONFIRMATION, order, orderer, "mail.order.confirmation.subject." + order.status,
                "mail.order.confirmation." + order.status, null, order.number);
    }

    void approvalRequest(PurchaseOrder order, Customer approver) {
        queue(MailKind.APPROVAL_REQUEST, order, approver, "mail.order.approvalRequest.subject",
                "mail.order.approvalRequest." + order.approvalReason, null, order.ordererName, order.number);
    }

    void approved(PurchaseOrder order, Customer orderer) {
        queue(MailKind.ORDER_APPROVED, order, orderer, "mail.order.approved.subject", "mail.order.approved", null,
                order.number, order.decidedBy);
    }

    void rejected(PurchaseOrder order, Customer orderer) {
        queue(MailKind.ORDER_REJECTED, order, orderer, "mail.order.rejected.subject", "mail.order.rejected",
                order.rejectionReason, order.number, order.decidedBy);
    }

    private void queue(MailKind kind, PurchaseOrder order, Customer recipient, String subjectKey, String introKey,
            String reason, Object... introArgs) {
        if (recipient == null || recipient.email == null) {
            return;
        }
        Locale locale = Messages.supported(recipient.language);
        String url = config.publicUrl() + "/portal/orders/" + order.id;
        MailService.Rendered content = UiLocale.with(locale, () -> {
            String intro = Messages.get(locale, introKey, introArgs);
            return new MailService.Rendered(
                    Messages.get(locale, subjectKey, order.number, Money.withCurrency(order.total, order.currency)),
                    Templates.orderHtml(order, recipient, intro, reason, url).render(),
                    Templates.orderText(order, recipient, intro, reason, url).render());
        });
        mail.queue(kind, recipient.email, locale, content, null);
    }
}
