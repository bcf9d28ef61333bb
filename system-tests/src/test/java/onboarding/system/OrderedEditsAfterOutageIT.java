package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, fault 3: several edits in a row of one Sales account while Commerce is down; once Commerce is back,
 * its organisation customer has the last values and the edits were applied in their order.
 * Size: {@code -Dfaults.edits} (default 20).
 */
@SystemTest
class OrderedEditsAfterOutageIT {

    private final SystemUnderTest system;

    OrderedEditsAfterOutageIT(SystemUnderTest system) {
        this.system = system;
    }

    @Test
    void editsMadeDuringAnOutageArriveInOrderWithTheLastValuesWinning() {
        int edits = Faults.size("faults.edits", 20);
        Operator alice = Operator.signIn(system.sales().url(), "alice", "alice-demo");
        Faults.Partner partner = Faults.awaitCustomer(system,
                Faults.qualify(system, alice, Faults.burstTag("edits")));

        system.commerce().stop();
        String name = partner.signup().companyName();
        for (int i = 1; i <= edits; i++) {
            Faults.editAccount(alice, partner, name + " edit " + i, "City " + i);
        }
        long pending = system.salesDb().number("""
                SELECT count(*) FROM dualwrite_outbox WHERE aggregate_type = 'account' AND aggregate_id = ?
                   AND event_type = 'account.updated' AND status = 'PENDING'""", Long.toString(partner.accountId()));
        assertEquals(edits, pending, "edits waiting in the Sales outbox while Commerce is down");

        long restart = System.nanoTime();
        system.commerce().startAndAwaitReady();
        long readyMillis = (System.nanoTime() - restart) / 1_000_000;
        String last = name + " edit " + edits;
        await("the last edit in Commerce").atMost(Faults.DRAIN).pollInterval(Faults.POLL)
                .until(() -> system.commerceDb().rows("SELECT name, city FROM customer WHERE id = ?", partner.customerId())
                        .get(0), row -> last.equals(row.get("name")));
        long drainMillis = (System.nanoTime() - restart) / 1_000_000 - readyMillis;
        Faults.measure("fault 3 (Commerce down, %d edits of %s): Commerce ready in %d ms, last edit applied %d ms later"
                + " (%.1f events/s)", edits, partner.accountNumber(), readyMillis, drainMillis,
                Faults.perSecond(edits, drainMillis));

        Map<String, Object> customer = system.commerceDb().rows("SELECT name, city FROM customer WHERE id = ?",
                partner.customerId()).get(0);
        assertEquals(last, customer.get("name"));
        assertEquals("City " + edits, customer.get("city"));
        List<Long> seqs = Faults.appliedSeqs(system.commerceDb(), "account", Long.toString(partner.accountId()),
                "account.updated");
        List<Long> sent = system.salesDb().rows("""
                SELECT seq FROM dualwrite_outbox WHERE aggregate_type = 'account' AND aggregate_id = ?
                   AND event_type = 'account.updated' ORDER BY id""", Long.toString(partner.accountId()))
                .stream().map(row -> ((Number) row.get("seq")).longValue()).toList();
        assertEquals(edits, sent.size());
        assertEquals(sent, seqs, "applied in Commerce in the order of the edits, each once");
        assertEquals(LongStream.range(0, edits).mapToObj(i -> sent.get(0) + i).toList(), sent, "consecutive sequence");
    }
}
