package onboarding.bridge;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs work once the current transaction has committed (at most once per transaction and key). */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable work) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("no active transaction");
        }
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
