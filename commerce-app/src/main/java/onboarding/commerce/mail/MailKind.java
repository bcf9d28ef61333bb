package onboarding.commerce.mail;

/** The emails Commerce sends to partners. */
public enum MailKind {
    APPLICATION_RECEIVED,
    APPROVED,
    REJECTED,
    /** to the orderer: their order is placed, or waits for approval */
    ORDER_CONFIRMATION,
    /** to the company's approvers and admins: an order waits for their decision */
    APPROVAL_REQUEST,
    /** to the orderer: their waiting order was approved */
    ORDER_APPROVED,
    /** to the orderer: their waiting order was rejected, with the reason */
    ORDER_REJECTED
}
