package onboarding.commerce.order;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import onboarding.bridge.timeline.Timeline;
import onboarding.commerce.catalogue.Money;
import onboarding.commerce.catalogue.Product;
import onboarding.commerce.catalogue.Shop;
import onboarding.commerce.customer.CreditAccount;
import onboarding.commerce.customer.Customer;
import onboarding.commerce.customer.CustomerService;
import onboarding.ui.CappedCount;
import onboarding.ui.ConflictException;
import onboarding.ui.Messages;
import onboarding.ui.NotAllowedException;
import onboarding.ui.Page;
import onboarding.ui.UiLocale;
import onboarding.ui.form.FormErrors;

/**
 * Orders on account: the review of an order, its placement within the orderer's limits and the organisation's
 * credit, approvals, and the staff's cancellations and payments. Every change runs in one transaction with the
 * organisation's row locked ({@link CreditAccount#lock}): parallel orders of one organisation are decided one after
 * the other on fresh figures, so they can never overspend.
 */
@ApplicationScoped
public class OrderService {

    public static final String RECORD_TYPE = "order";
    public static final int PAGE_SIZE = 25;
    /** The longest reason for a rejection. */
    public static final int MAX_REASON = 500;
    /** Field of the errors that belong to the whole order form rather than one quantity. */
    public static final String FORM_ERROR = "order";

    /** What placing an order does, or why it cannot. */
    public enum Outcome {
        /** within the limits and the available credit: placed on account */
        PLACE,
        /** above the orderer's per-order or monthly limit, within the available credit: waits for approval */
        APPROVAL,
        /** the orderer or their organisation is not active */
        REFUSED_NOT_ACTIVE,
        /** staff have not set the organisation's credit limit yet */
        REFUSED_NO_CREDIT,
        /** the organisation's credit is not in the currency the catalogue prices in */
        REFUSED_CURRENCY,
        /** the total is above the organisation's available credit */
        REFUSED_OVER_CREDIT,
        /** it would need approval, and nobody else in the company may approve it */
        REFUSED_NO_APPROVER;

        public boolean refused() {
            return this != PLACE && this != APPROVAL;
        }
    }

    /** One line as reviewed: the product's current names and unit price. */
    public record ReviewLine(long productId, String sku, String nameEn, String nameFr, BigDecimal unitPrice,
            int quantity, BigDecimal lineTotal) {
        public String name(String language) {
            return "fr".equals(language) ? nameFr : nameEn;
        }
    }

    /**
     * An order as it would be placed now: its lines, total and outcome, with the figures the outcome depends on; or
     * the errors of the form (field {@code qty-<SKU>}, or {@link #FORM_ERROR}) when the quantities are not valid (the
     * outcome is then null).
     */
    public record Review(Map<String, String> errors, List<ReviewLine> lines, BigDecimal total, String currency,
            Outcome outcome, PurchaseOrder.ApprovalReason approvalReason, BigDecimal orderLimit,
            BigDecimal monthlyLimit, BigDecimal monthSpent, BigDecimal available) {

        public boolean valid() {
            return errors.isEmpty();
        }

        public boolean refused() {
            return outcome != null && outcome.refused();
        }

        /** The bundle key that says what confirming will do ({@code order.outcome.PLACE}, ...); null when invalid. */
        public String outcomeKey() {
            return outcome == null ? null : outcome == Outcome.APPROVAL ? "order.outcome.APPROVAL." + approvalReason
                    : "order.outcome." + outcome;
        }
    }

    /** The result of a confirmation. */
    public enum Result {
        PLACED, PENDING_APPROVAL,
        /** the quantities are not valid: the form again, with its errors */
        INVALID,
        /** a price or product changed since the review: the review again, with the new figures; nothing stored */
        CHANGED,
        /** refused (see the review's outcome); nothing stored, no credit touched */
        REFUSED
    }

    public record Placement(Result result, PurchaseOrder order, Review review) {
    }

    private final CreditAccount credit;
    private final Shop shop;
    private final Timeline timeline;
    private final OrderMails mails;
    private final EntityManager em;

    OrderService(CreditAccount credit, Shop shop, Timeline timeline, OrderMails mails, EntityManager em) {
        this.credit = credit;
        this.shop = shop;
        this.timeline = timeline;
        this.mails = mails;
        this.em = em;
    }

    /** The order {@code form} would make for {@code personId} now, without storing anything. */
    @Transactional
    public Review review(long personId, OrderForm form) {
        Customer person = person(personId);
        Customer org = Customer.findById(person.parentId);
        return review(person, org, form, Product.active());
    }

    /**
     * Confirms an order reviewed with the prices in {@code form.reviewedPrices()}: placed, waiting for approval, or
     * refused — in one transaction that locks the organisation's row, on the figures of that moment.
     */
    @Transactional
    public Placement place(long personId, OrderForm form) {
        Customer person = person(personId);
        Customer org = credit.lock(person.parentId);
        em.refresh(person); // read after the lock: a deactivation or a new limit committed meanwhile counts
        Review review = review(person, org, form, Product.active());
        if (!review.valid()) {
            return new Placement(Result.INVALID, null, review);
        }
        if (!sameAsReviewed(review, form.reviewedPrices())) {
            return new Placement(Result.CHANGED, null, review);
        }
        if (review.refused()) {
            return new Placement(Result.REFUSED, null, review);
        }
        PurchaseOrder order = PurchaseOrder.create();
        order.organizationId = org.id;
        order.organizationName = org.name;
        order.ordererId = person.id;
        order.ordererName = person.name;
        order.ordererEmail = person.email;
        order.total = review.total();
        order.currency = review.currency();
        for (ReviewLine reviewed : review.lines()) {
            OrderLine line = new OrderLine();
            line.productId = reviewed.productId();
            line.sku = reviewed.sku();
            line.nameEn = reviewed.nameEn();
            line.nameFr = reviewed.nameFr();
            line.unitPrice = reviewed.unitPrice();
            line.quantity = reviewed.quantity();
            line.lineTotal = reviewed.lineTotal();
            order.lines.add(line);
        }
        String amount = Money.withCurrency(order.total, order.currency);
        String correlation = CustomerService.correlationOf(org);
        if (review.outcome() == Outcome.PLACE) {
            order.status = PurchaseOrder.Status.PLACED;
            order.persist();
            credit.use(org, order.total, person.email, order.id, order.number);
            note(order, "timeline.order.placed", person.email, amount, correlation);
            noteOrganization(org, order, "timeline.customer.orderPlaced", order.number, amount, correlation);
        } else {
            order.status = PurchaseOrder.Status.PENDING_APPROVAL;
            order.approvalReason = review.approvalReason();
            order.persist();
            credit.reserve(org, order.total, person.email, order.id, order.number);
            note(order, "timeline.order.pending." + order.approvalReason, person.email, amount, correlation);
            noteOrganization(org, order, "timeline.customer.orderPending", order.number, amount, correlation);
            for (Customer approver : approversOf(org, person)) {
                mails.approvalRequest(order, approver);
            }
        }
        mails.confirmation(order, person);
        return new Placement(order.isPlaced() ? Result.PLACED : Result.PENDING_APPROVAL, order, review);
    }

    /** An approver or admin of the order's company approves it: it is placed, what it reserved is used. */
    @Transactional
    public PurchaseOrder approve(long orderId, long approverId, Long version) {
        Customer approver = person(approverId);
        Customer org = credit.lock(approver.parentId);
        em.refresh(approver);
        PurchaseOrder order = decidable(orderId, approver, org, version);
        if (approver.orderLimit != null && order.total.compareTo(approver.orderLimit) > 0) {
            throw new ConflictException("order.conflict.aboveYourLimit", order.number,
                    Money.withCurrency(approver.orderLimit, order.currency));
        }
        order.status = PurchaseOrder.Status.PLACED;
        order.decidedBy = approver.email;
        order.decidedAt = Instant.now();
        credit.approve(org, order.total, approver.email, order.id, order.number);
        String correlation = CustomerService.correlationOf(org);
        note(order, "timeline.order.approved", approver.email, null, correlation);
        noteOrganization(org, order, "timeline.customer.orderApproved", order.number, approver.email, correlation);
        mails.approved(order, orderer(order));
        return order;
    }

    /**
     * An approver or admin of the order's company rejects it with a reason: what it reserved is released. Returns the
     * errors of the form (field {@code reason}); empty when rejected.
     */
    @Transactional
    public Map<String, String> reject(long orderId, long approverId, Long version, String reason) {
        Customer approver = person(approverId);
        Customer org = credit.lock(approver.parentId);
        em.refresh(approver);
        PurchaseOrder order = decidable(orderId, approver, org, version);
        String text = FormErrors.clean(reason);
        if (text == null) {
            return Map.of("reason", "error.required");
        }
        if (text.length() > MAX_REASON) {
            return Map.of("reason", "error.tooLong500");
        }
        order.status = PurchaseOrder.Status.REJECTED;
        order.decidedBy = approver.email;
        order.decidedAt = Instant.now();
        order.rejectionReason = text;
        credit.release(org, order.total, approver.email, order.id, order.number);
        String correlation = CustomerService.correlationOf(org);
        note(order, "timeline.order.rejected", approver.email, text, correlation);
        noteOrganization(org, order, "timeline.customer.orderRejected", order.number, approver.email, correlation);
        mails.rejected(order, orderer(order));
        return Map.of();
    }

    /** Staff cancel a placed order: its credit is released (never more than is used). */
    @Transactional
    public PurchaseOrder cancel(long orderId, Long version, String user) {
        PurchaseOrder order = lockedOrder(orderId);
        Customer org = Customer.findById(order.organizationId);
        if (!order.isPlaced()) {
            throw new ConflictException("order.conflict.notPlaced", order.number, statusText(order));
        }
        ConflictException.checkVersion(order.version, version);
        order.status = PurchaseOrder.Status.CANCELLED;
        order.cancelledBy = user;
        order.cancelledAt = Instant.now();
        BigDecimal released = credit.cancel(org, order.total, user, order.id, order.number);
        String correlation = CustomerService.correlationOf(org);
        note(order, "timeline.order.cancelled", user, Money.withCurrency(released, order.currency), correlation);
        noteOrganization(org, order, "timeline.customer.orderCancelled", order.number, user, correlation);
        return order;
    }

    /**
     * Staff record a payment of the order's organisation (positive, at most what its orders use): it frees that much
     * credit. Returns the errors of the form (field {@code amount}); empty when recorded.
     */
    @Transactional
    public Map<String, String> recordPayment(long orderId, String amountText, String user) {
        PurchaseOrder order = lockedOrder(orderId);
        Customer org = Customer.findById(order.organizationId);
        String error = Money.error(amountText, false);
        if (error != null) {
            return Map.of("amount", error);
        }
        BigDecimal amount = Money.parse(amountText);
        if (amount.compareTo(org.creditUsed) > 0) {
            return Map.of("amount", "error.payment.aboveUsed");
        }
        credit.payment(org, amount, user, order.id, order.number);
        String text = Money.withCurrency(amount, org.creditCurrency);
        String correlation = CustomerService.correlationOf(org);
        note(order, "timeline.order.payment", text, user, correlation);
        noteOrganization(org, order, "timeline.customer.payment", text, user, correlation);
        return Map.of();
    }

    // ---- reading ----

    /** What the person spent this calendar month: their placed and pending orders. */
    public BigDecimal monthSpent(long personId) {
        Shop.Month month = shop.monthOf(Instant.now());
        BigDecimal spent = em.createQuery("select sum(o.total) from PurchaseOrder o where o.ordererId = :person"
                + " and o.status in (:counted) and o.createdAt >= :start and o.createdAt < :end", BigDecimal.class)
                .setParameter("person", personId)
                .setParameter("counted", List.of(PurchaseOrder.Status.PLACED, PurchaseOrder.Status.PENDING_APPROVAL))
                .setParameter("start", month.start()).setParameter("end", month.end())
                .getSingleResult();
        return spent == null ? Money.ZERO : spent;
    }

    /** The orders a partner user may see: their own; an admin's or approver's, their company's. */
    public Page<PurchaseOrder> ofPartner(Customer viewer, int page) {
        String where = viewer.role != null && viewer.role.approves() ? "organizationId = :who" : "ordererId = :who";
        Parameters parameters = Parameters.with("who", viewer.role != null && viewer.role.approves()
                ? viewer.parentId : viewer.id);
        var items = PurchaseOrder.<PurchaseOrder>find(where, Sort.descending("createdAt", "id"), parameters)
                .page(page - 1, PAGE_SIZE).list();
        return Page.of(items, page, PAGE_SIZE, CappedCount.of("PurchaseOrder", where, parameters));
    }

    /** The newest orders a partner user may see (see {@link #ofPartner(Customer, int)}). */
    public List<PurchaseOrder> recentOf(Customer viewer, int max) {
        boolean company = viewer.role != null && viewer.role.approves();
        return PurchaseOrder.<PurchaseOrder>find(company ? "organizationId = ?1" : "ordererId = ?1",
                Sort.descending("createdAt", "id"), company ? viewer.parentId : viewer.id).page(0, max).list();
    }

    /** An order as a partner user may see it; another company's, or a colleague's for a buyer, is not found. */
    public PurchaseOrder ofPartner(Customer viewer, long orderId) {
        PurchaseOrder order = PurchaseOrder.findById(orderId);
        boolean visible = order != null && order.organizationId.equals(viewer.parentId)
                && (order.ordererId.equals(viewer.id) || (viewer.role != null && viewer.role.approves()));
        if (!visible) {
            throw new NotFoundException("no order " + orderId + " for " + viewer.number);
        }
        return order;
    }

    /** An order waiting for approval as an approver sees it: whether it is their own, or above their per-order limit. */
    public record Pending(PurchaseOrder order, boolean own, boolean aboveLimit) {
        public boolean decidable() {
            return !own && !aboveLimit;
        }
    }

    /** The orders of the approver's company that wait for approval, oldest first. */
    public List<Pending> pending(Customer approver) {
        List<PurchaseOrder> waiting = PurchaseOrder.list("organizationId = ?1 and status = ?2 order by createdAt, id",
                approver.parentId, PurchaseOrder.Status.PENDING_APPROVAL);
        return waiting.stream().map(order -> new Pending(order, order.ordererId.equals(approver.id),
                approver.orderLimit != null && order.total.compareTo(approver.orderLimit) > 0)).toList();
    }

    /** Every order (back office), newest first, optionally of one status. */
    public Page<PurchaseOrder> all(PurchaseOrder.Status status, int page) {
        String where = status == null ? "" : "status = :status";
        Parameters parameters = status == null ? new Parameters() : Parameters.with("status", status);
        var query = status == null ? PurchaseOrder.<PurchaseOrder>findAll(Sort.descending("createdAt", "id"))
                : PurchaseOrder.<PurchaseOrder>find(where, Sort.descending("createdAt", "id"), parameters);
        return Page.of(query.page(page - 1, PAGE_SIZE).list(), page, PAGE_SIZE,
                CappedCount.of("PurchaseOrder", where, parameters));
    }

    public PurchaseOrder get(long id) {
        PurchaseOrder order = PurchaseOrder.findById(id);
        if (order == null) {
            throw new NotFoundException("no order " + id);
        }
        return order;
    }

    public List<Timeline.Entry> timelineOf(PurchaseOrder order) {
        return timeline.of(RECORD_TYPE, order.id);
    }

    // ---- rules ----

    private Review review(Customer person, Customer org, OrderForm form, List<Product> active) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<ReviewLine> lines = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (Product product : active) {
            String raw = form.quantities().get(product.sku);
            String text = raw == null ? "" : raw.strip();
            if (text.isEmpty() || text.equals("0")) {
                continue;
            }
            if (!text.matches("\\d{1,9}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > shop.maxQuantity()) {
                errors.put(OrderForm.QUANTITY + product.sku, "error.quantity");
                continue;
            }
            int quantity = Integer.parseInt(text);
            BigDecimal lineTotal = product.unitPrice.multiply(BigDecimal.valueOf(quantity));
            lines.add(new ReviewLine(product.id, product.sku, product.nameEn, product.nameFr, product.unitPrice, quantity,
                    lineTotal));
            total = total.add(lineTotal);
        }
        List<String> activeSkus = active.stream().map(p -> p.sku).toList();
        boolean unavailable = form.quantities().entrySet().stream().anyMatch(e -> !activeSkus.contains(e.getKey())
                && e.getValue() != null && !e.getValue().isBlank() && !e.getValue().strip().equals("0"));
        if (unavailable) {
            errors.put(FORM_ERROR, "order.error.unavailable");
        } else if (errors.isEmpty() && lines.isEmpty()) {
            errors.put(FORM_ERROR, "order.error.empty");
        }
        BigDecimal monthSpent = monthSpent(person.id);
        String currency = org.creditCurrency == null ? shop.priceCurrency() : org.creditCurrency;
        if (!errors.isEmpty()) {
            return new Review(errors, lines, total, currency, null, null, person.orderLimit,
                    person.monthlyLimit, monthSpent, org.creditAvailable());
        }
        PurchaseOrder.ApprovalReason approval = null;
        Outcome outcome;
        if (!person.isActive() || !org.isActive()) {
            outcome = Outcome.REFUSED_NOT_ACTIVE;
        } else if (org.creditLimit == null) {
            outcome = Outcome.REFUSED_NO_CREDIT;
        } else if (!shop.priceCurrency().equals(org.creditCurrency)) {
            outcome = Outcome.REFUSED_CURRENCY;
        } else if (total.compareTo(org.creditAvailable()) > 0) {
            outcome = Outcome.REFUSED_OVER_CREDIT;
        } else {
            if (person.orderLimit != null && total.compareTo(person.orderLimit) > 0) {
                approval = PurchaseOrder.ApprovalReason.ORDER_LIMIT;
            } else if (person.monthlyLimit != null && monthSpent.add(total).compareTo(person.monthlyLimit) > 0) {
                approval = PurchaseOrder.ApprovalReason.MONTHLY_LIMIT;
            }
            BigDecimal amount = total;
            outcome = approval == null ? Outcome.PLACE
                    : approversOf(org, person).stream().anyMatch(a -> a.orderLimit == null
                            || a.orderLimit.compareTo(amount) >= 0) ? Outcome.APPROVAL : Outcome.REFUSED_NO_APPROVER;
        }
        return new Review(errors, lines, total, currency, outcome, approval, person.orderLimit, person.monthlyLimit,
                monthSpent, org.creditAvailable());
    }

    /** Whether every line is priced as the user saw it on the review page, and no line came or went. */
    private static boolean sameAsReviewed(Review review, Map<String, String> reviewedPrices) {
        if (reviewedPrices.size() != review.lines().size()) {
            return false;
        }
        for (ReviewLine line : review.lines()) {
            BigDecimal seen = Money.parse(reviewedPrices.get(line.sku()));
            if (seen == null || seen.compareTo(line.unitPrice()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The active approvers and admins of the company, other than {@code orderer}. */
    private static List<Customer> approversOf(Customer org, Customer orderer) {
        return Customer.list("parentId = ?1 and type = ?2 and status = ?3 and role in ?4 and id <> ?5 order by id",
                org.id, Customer.Type.PERSON, Customer.Status.ACTIVE,
                List.of(Customer.Role.ADMIN, Customer.Role.APPROVER), orderer.id);
    }

    /** The order {@code approver} is about to decide on, after the checks every decision needs. */
    private static PurchaseOrder decidable(long orderId, Customer approver, Customer org, Long version) {
        if (!approver.isActive() || approver.role == null || !approver.role.approves()) {
            throw new NotAllowedException("portal.notAllowed.approver");
        }
        PurchaseOrder order = PurchaseOrder.findById(orderId);
        if (order == null || !order.organizationId.equals(org.id)) {
            throw new NotFoundException("no order " + orderId + " in " + org.number);
        }
        if (!order.isPending()) {
            throw new ConflictException("order.conflict.notPending", order.number, statusText(order),
                    order.decidedBy == null ? "" : order.decidedBy);
        }
        if (order.ordererId.equals(approver.id)) {
            throw new ConflictException("order.conflict.ownOrder", order.number);
        }
        ConflictException.checkVersion(order.version, version);
        return order;
    }

    /** The order with its organisation's row locked, read afresh after the lock. */
    private PurchaseOrder lockedOrder(long orderId) {
        PurchaseOrder order = get(orderId);
        credit.lock(order.organizationId);
        em.refresh(order);
        return order;
    }

    private static String statusText(PurchaseOrder order) {
        return Messages.get(UiLocale.current(), "order.status." + order.status);
    }

    private static Customer person(long personId) {
        Customer person = Customer.findById(personId);
        if (person == null || person.type != Customer.Type.PERSON || person.parentId == null) {
            throw new NotFoundException("no partner user " + personId);
        }
        return person;
    }

    private static Customer orderer(PurchaseOrder order) {
        return Customer.findById(order.ordererId);
    }

    private void note(PurchaseOrder order, String key, String arg0, String arg1, String correlation) {
        timeline.add(RECORD_TYPE, order.id, Timeline.Source.USER, key, arg0, arg1, null, correlation);
    }

    private void noteOrganization(Customer org, PurchaseOrder order, String key, String arg0, String arg1,
            String correlation) {
        timeline.add(CustomerService.RECORD_TYPE, org.id, Timeline.Source.USER, key, arg0, arg1,
                "/hq/orders/" + order.id, correlation);
    }
}
