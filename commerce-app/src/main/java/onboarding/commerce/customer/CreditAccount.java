package onboarding.commerce.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.util.List;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.catalogue.Money;

/**
 * An organisation's credit: its limit (set by staff), what placed orders use and pending orders reserve, and the
 * history of every change. Every change runs with the organisation's row locked ({@link #lock}, {@code SELECT … FOR
 * UPDATE}) for the rest of the transaction, so two orders, an order and a payment, or an order and a new limit are
 * counted one after the other: the sum of placed and pending orders never exceeds the limit (and the table's check
 * constraint {@code customer_credit_within_limit} refuses a row that would).
 */
@ApplicationScoped
public class CreditAccount {

    /** How many entries the history pages show (newest first). */
    public static final int HISTORY_SIZE = 100;

    private final EntityManager em;
    private final Timeline timeline;

    CreditAccount(EntityManager em, Timeline timeline) {
        this.em = em;
        this.timeline = timeline;
    }

    /** The organisation, read afresh and locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Customer lock(long organizationId) {
        Customer org = em.find(Customer.class, organizationId);
        if (org == null || !org.isOrganization()) {
            throw new NotFoundException("no organisation " + organizationId);
        }
        em.refresh(org, LockModeType.PESSIMISTIC_WRITE);
        return org;
    }

    /** Sets the limit and currency of a locked organisation (checked by the caller) and records it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setLimit(Customer org, BigDecimal limit, String currency, String actor, String reason) {
        CreditEntry.Kind kind = org.creditLimit == null ? CreditEntry.Kind.ALLOCATED : CreditEntry.Kind.CHANGED;
        org.creditLimit = limit;
        org.creditCurrency = currency;
        record(org, kind, limit, actor, null, null, reason);
        timeline.add(CustomerService.RECORD_TYPE, org.id, Timeline.Source.USER, "timeline.customer.creditLimit",
                Money.withCurrency(limit, currency), actor, null, CustomerService.correlationOf(org));
    }

    /** An order within the limits: its total is used. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void use(Customer org, BigDecimal total, String actor, long orderId, String orderNumber) {
        org.creditUsed = org.creditUsed.add(total);
        record(org, CreditEntry.Kind.ORDER_PLACED, total, actor, orderId, orderNumber, null);
    }

    /** An order waiting for approval: its total is reserved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(Customer org, BigDecimal total, String actor, long orderId, String orderNumber) {
        org.creditReserved = org.creditReserved.add(total);
        record(org, CreditEntry.Kind.ORDER_RESERVED, total, actor, orderId, orderNumber, null);
    }

    /** A waiting order approved: what it reserved is used. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approve(Customer org, BigDecimal total, String actor, long orderId, String orderNumber) {
        org.creditReserved = org.creditReserved.subtract(total);
        org.creditUsed = org.creditUsed.add(total);
        record(org, CreditEntry.Kind.ORDER_APPROVED, total, actor, orderId, orderNumber, null);
    }

    /** A waiting order rejected: what it reserved is released. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Customer org, BigDecimal total, String actor, long orderId, String orderNumber) {
        org.creditReserved = org.creditReserved.subtract(total);
        record(org, CreditEntry.Kind.ORDER_REJECTED, total, actor, orderId, orderNumber, null);
    }

    /**
     * A placed order cancelled: its total is released, but never more than is used (payments recorded since may
     * have freed part of it already). Returns the amount released.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal cancel(Customer org, BigDecimal total, String actor, long orderId, String orderNumber) {
        BigDecimal released = total.min(org.creditUsed);
        org.creditUsed = org.creditUsed.subtract(released);
        record(org, CreditEntry.Kind.ORDER_CANCELLED, released, actor, orderId, orderNumber, null);
        return released;
    }

    /** A payment received (at most what is used, checked by the caller): frees that much credit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void payment(Customer org, BigDecimal amount, String actor, Long orderId, String orderNumber) {
        org.creditUsed = org.creditUsed.subtract(amount);
        record(org, CreditEntry.Kind.PAYMENT_RECORDED, amount, actor, orderId, orderNumber, null);
    }

    public List<CreditEntry> history(long organizationId) {
        return CreditEntry.latest(organizationId, HISTORY_SIZE);
    }

    private void record(Customer org, CreditEntry.Kind kind, BigDecimal amount, String actor, Long orderId,
            String orderNumber, String reason) {
        CreditEntry.of(org, kind, amount, actor, orderId, orderNumber, reason).persist();
    }
}
