package onboarding.commerce.prospect;

/** Where the prospect's replication to Sales stands. */
public enum ReplicationStatus {
    /** waiting in the outbox (Sales down, or being delivered) */
    PENDING,
    /** Sales has the lead */
    REPLICATED,
    /** delivery gave up; an operator must act on the dual-write console */
    FAILED
}
