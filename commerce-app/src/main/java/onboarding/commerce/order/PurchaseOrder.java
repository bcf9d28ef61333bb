package onboarding.commerce.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import onboarding.ui.persistence.Sequences;

/** An order on account of a partner user, with its lines, status and who decided on it. */
@Entity
public class PurchaseOrder extends PanacheEntityBase {

    public enum Status {
        /** within the limits: the organisation's credit is used */
        PLACED,
        /** above the orderer's limits: credit reserved until an approver or admin decides */
        PENDING_APPROVAL,
        /** rejected by an approver or admin: the reserved credit is released */
        REJECTED,
        /** cancelled by staff after it was placed: the credit is released */
        CANCELLED
    }

    /** Why an order waits for approval. */
    public enum ApprovalReason {
        /** its total is above the orderer's per-order limit */
        ORDER_LIMIT,
        /** with it, the orderer's orders of the month are above their monthly limit */
        MONTHLY_LIMIT
    }

    @Id
    public Long id;
    /** Readable number, e.g. OR-000123. */
    public String number;
    public Long organizationId;
    public String organizationName;
    public Long ordererId;
    public String ordererName;
    public String ordererEmail;
    @Enumerated(EnumType.STRING)
    public Status status;
    public BigDecimal total;
    public String currency;
    @Enumerated(EnumType.STRING)
    public ApprovalReason approvalReason;
    public Instant createdAt;
    public String decidedBy;
    public Instant decidedAt;
    public String rejectionReason;
    public String cancelledBy;
    public Instant cancelledAt;
    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "purchase_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<OrderLine> lines = new ArrayList<>();

    static PurchaseOrder create() {
        PurchaseOrder order = new PurchaseOrder();
        order.id = Sequences.next("purchase_order_seq");
        order.number = String.format("OR-%06d", order.id);
        order.createdAt = Instant.now();
        return order;
    }

    public boolean isPending() {
        return status == Status.PENDING_APPROVAL;
    }

    public boolean isPlaced() {
        return status == Status.PLACED;
    }
}
