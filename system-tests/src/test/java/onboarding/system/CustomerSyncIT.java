package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import onboarding.system.WebSession.WebPage;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * After a qualification the Sales account and contact and the Commerce customers are one record seen
 * from two apps: an edit on either side shows on the other, carried by exactly one event, and nothing
 * echoes back (design §4, loop prevention).
 */
@SystemTest
class CustomerSyncIT {

    /** How long the outboxes must stay as they are after convergence to prove that nothing bounces back. */
    private static final Duration NO_ECHO = Duration.ofSeconds(2);

    private final SystemUnderTest system;
    private final BackOffice hq;
    private final SalesDesk alice;

    CustomerSyncIT(SystemUnderTest system) {
        this.system = system;
        this.hq = new BackOffice(system.commerceAs("hq"));
        this.alice = new SalesDesk(system.salesAs("alice"));
    }

    @Test
    void editsOnEitherSideReachTheOtherOnceWithoutEcho() {
        Application app = Application.submit(system, Signup.sample(), hq, alice);
        WebPage opportunity = alice.opportunity(alice.qualify(app.leadPath()));
        String accountPath = opportunity.document().selectFirst("#account-link").attr("href");
        String contactPath = opportunity.document().selectFirst("#contact-link").attr("href");
        List<Element> customers = hq.awaitProspectStatus(app.prospectPath(), "In review").document()
                .select("#decision a[href^=/hq/customers/]");
        String orgPath = customers.get(0).attr("href");
        String personPath = customers.get(1).attr("href");
        String orgNumber = customers.get(0).text().split(" ")[0];
        String accountNumber = opportunity.text("#account-link").split(" ")[0];

        // 1. Commerce staff edit the organisation: the Sales account follows, no account.updated comes back
        Map<String, Long> commerceBefore = system.commerceDb().outboxEventsByType();
        Map<String, Long> salesBefore = system.salesDb().outboxEventsByType();
        String newName = app.signup().companyName() + " Holdings";
        WebPage saved = hq.editOrganization(orgPath, Map.of("name", newName, "street", "99 Minster Yard",
                "city", "York", "postalCode", "YO1 7HH"));
        assertThat(saved.text("h1"), containsString(newName));
        WebPage account = alice.browser().await(accountPath, "the Commerce edit on the account",
                page -> page.text("#company").contains(newName));
        assertThat(account.text("#company"), stringContainsInOrder(newName, "99 Minster Yard", "YO1 7HH", "York", "GB",
                app.signup().vatNumber()));
        assertThat(account.timeline(), hasItem("Updated by dual-write from Commerce customer " + orgNumber));
        hq.browser().await(orgPath, "Sales's acknowledgement on the customer timeline",
                page -> page.timeline().contains("Replicated to Sales account " + accountNumber));
        assertEventsAdded(commerceBefore, Map.of("organization.updated", 1L), salesBefore, Map.of());

        // 2. A salesperson edits the account: the Commerce organisation follows, nothing comes back
        commerceBefore = system.commerceDb().outboxEventsByType();
        salesBefore = system.salesDb().outboxEventsByType();
        alice.edit(accountPath, Map.of("city", "Harrogate", "postalCode", "HG1 1AA"));
        WebPage org = hq.browser().await(orgPath, "the Sales edit on the organisation",
                page -> "Harrogate".equals(page.document().select("#edit input[name=city]").val()));
        assertEquals("HG1 1AA", org.document().select("#edit input[name=postalCode]").val());
        assertEquals(newName, org.document().select("#edit input[name=name]").val(), "the Commerce edit is kept");
        assertThat(org.timeline(), hasItem("Updated by dual-write from Sales " + accountNumber + " (edited by alice)"));
        assertEventsAdded(commerceBefore, Map.of(), salesBefore, Map.of("account.updated", 1L));

        // 3. A salesperson edits the contact: the Commerce person follows, nothing comes back
        commerceBefore = system.commerceDb().outboxEventsByType();
        salesBefore = system.salesDb().outboxEventsByType();
        alice.edit(contactPath, Map.of("lastName", "Doe-Smith", "phone", "+44 20 7946 0999"));
        WebPage person = hq.browser().await(personPath, "the Sales edit on the person",
                page -> page.text("#person").contains("Doe-Smith"));
        assertThat(person.text("#person"), stringContainsInOrder(app.signup().firstName() + " Doe-Smith",
                app.signup().email(), "+44 20 7946 0999"));
        String contactNumber = opportunity.text("#contact-link").split(" ")[0];
        assertThat(person.timeline(), hasItem("Updated by dual-write from Sales " + contactNumber + " (edited by alice)"));
        alice.browser().await(contactPath, "Commerce's acknowledgement on the contact timeline",
                page -> page.timeline().contains("Replicated to Commerce customer " + customers.get(1).text().split(" ")[0]));
        alice.browser().await(accountPath, "Commerce's acknowledgement on the account timeline",
                page -> page.timeline().contains("Replicated to Commerce customer " + orgNumber));
        assertEventsAdded(commerceBefore, Map.of(), salesBefore, Map.of("contact.updated", 1L));

        String correlation = app.correlationId(system);
        assertEquals(List.of(correlation), system.commerceDb().correlationIds("customer", Pages.idOf(orgPath), "customer",
                Pages.idOf(personPath)), "the partner's correlation id on every entry and event of its customers");
        assertEquals(List.of(correlation), system.salesDb().correlationIds("account", Pages.idOf(accountPath), "contact",
                Pages.idOf(contactPath)), "the partner's correlation id on every entry and event of its account and contact");

        Map<String, Object> row = system.commerceDb().rows(
                "SELECT name, city, postal_code FROM customer WHERE number = ?", orgNumber).get(0);
        assertEquals(Map.of("name", newName, "city", "Harrogate", "postal_code", "HG1 1AA"), row);
        assertEquals(0, system.salesDb().number("""
                SELECT count(*) FROM dualwrite_outbox WHERE status <> 'DELIVERED'
                   AND ((aggregate_type = 'lead' AND aggregate_id = ?) OR (aggregate_type = 'account' AND aggregate_id = ?))""",
                Long.toString(app.leadId()), Long.toString(Pages.idOf(accountPath))),
                "every Sales event of the lead and the account delivered");
    }

    /**
     * Both outboxes hold exactly the events expected since the counts before, and still do after
     * {@link #NO_ECHO}: a change applied from the peer wrote no event back.
     */
    private void assertEventsAdded(Map<String, Long> commerceBefore, Map<String, Long> commerceAdded,
            Map<String, Long> salesBefore, Map<String, Long> salesAdded) {
        await("exactly " + commerceAdded + " more in Commerce's outbox and " + salesAdded + " in Sales's")
                .during(NO_ECHO).atMost(NO_ECHO.plus(WebSession.WAIT)).pollInterval(Duration.ofMillis(200))
                .until(() -> List.of(Database.added(commerceBefore, system.commerceDb().outboxEventsByType()),
                        Database.added(salesBefore, system.salesDb().outboxEventsByType())),
                        equalTo(List.of(commerceAdded, salesAdded)));
    }
}
