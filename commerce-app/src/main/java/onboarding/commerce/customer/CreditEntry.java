package onboarding.commerce.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import onboarding.ui.persistence.Sequences;

/**
 * One change of an organisation's credit (its credit history): what happened, the amount, and what it left — limit,
 * used, reserved, available — with who did it, when, the order it concerns and, for staff only, the reason.
 */
@Entity
public class CreditEntry extends PanacheEntityBase {

    public enum Kind {
        /** the first credit limit */
        ALLOCATED,
        /** a later change of the limit (or its currency) */
        CHANGED,
        /** an order within the limits: its total is used */
        ORDER_PLACED,
        /** an order waiting for approval: its total is reserved */
        ORDER_RESERVED,
        /** a waiting order approved: its reserved total is used */
        ORDER_APPROVED,
        /** a waiting order rejected: its reserved total is released */
        ORDER_REJECTED,
        /** a placed order cancelled by staff: its total is released */
        ORDER_CANCELLED,
        /** a payment received: frees used credit */
        PAYMENT_RECORDED
    }

    @Id
    public Long id;
    public Long organizationId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public BigDecimal amount;
    public String currency;
    public BigDecimal creditLimit;
    public BigDecimal used;
    public BigDecimal reserved;
    public BigDecimal available;
    public String actor;
    public Long orderId;
    public String orderNumber;
    /** Why staff changed the limit: shown to staff, never on the portal. */
    public String reason;
    public Instant createdAt;

    static CreditEntry of(Customer org, Kind kind, BigDecimal amount, String actor, Long orderId, String orderNumber,
            String reason) {
        CreditEntry entry = new CreditEntry();
        entry.id = Sequences.next("credit_entry_seq");
        entry.organizationId = org.id;
        entry.kind = kind;
        entry.amount = amount;
        entry.currency = org.creditCurrency;
        entry.creditLimit = org.creditLimit;
        entry.used = org.creditUsed;
        entry.reserved = org.creditReserved;
        entry.available = org.creditAvailable();
        entry.actor = actor;
        entry.orderId = orderId;
        entry.orderNumber = orderNumber;
        entry.reason = reason;
        entry.createdAt = Instant.now();
        return entry;
    }

    /** The newest {@code max} entries of an organisation, newest first. */
    public static List<CreditEntry> latest(long organizationId, int max) {
        return find("organizationId = ?1 order by createdAt desc, id desc", organizationId).page(0, max).list();
    }
}
