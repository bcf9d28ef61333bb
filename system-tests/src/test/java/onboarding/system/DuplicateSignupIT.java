package onboarding.system;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import onboarding.system.WebSession.WebPage;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A company that applies twice (same email, or same VAT number) is flagged on both sides: the second
 * prospect's page lists the first under Possible duplicates, and so does the second lead's page in Sales,
 * each with a link to the first.
 */
@SystemTest
class DuplicateSignupIT {

    private final SystemUnderTest system;
    private final BackOffice hq;
    private final SalesDesk alice;

    DuplicateSignupIT(SystemUnderTest system) {
        this.system = system;
        this.hq = new BackOffice(system.commerceAs("hq"));
        this.alice = new SalesDesk(system.salesAs("alice"));
    }

    @Test
    void sameEmailIsFlaggedOnTheProspectAndTheLead() {
        Application first = Application.submit(system, Signup.sample(), hq, alice);
        Application second = Application.submit(system, Signup.sample().withEmail(first.signup().email()), hq, alice);

        assertProspectFlagged(second, first, "same email");
        assertProspectFlagged(first, second, "same email");
        // the email's domain is the first company's domain too
        assertLeadFlagged(second, first, "Same email", "Same company domain");
    }

    @Test
    void sameVatNumberIsFlaggedOnTheProspectAndTheLead() {
        Application first = Application.submit(system, Signup.sample(), hq, alice);
        Application second = Application.submit(system, Signup.sample().withVatNumber(first.signup().vatNumber()), hq,
                alice);

        assertProspectFlagged(second, first, "same VAT number");
        assertProspectFlagged(first, second, "same VAT number");
        assertLeadFlagged(second, first, "Same VAT number");
    }

    /** The prospect page of {@code flagged} lists {@code original} (only), and its link leads there. */
    private void assertProspectFlagged(Application flagged, Application original, String why) {
        WebPage page = hq.prospect(flagged.prospectPath());
        List<Element> duplicates = page.document().select("#duplicates li");
        assertEquals(List.of(original.ref() + " · " + original.signup().companyName() + " — " + why),
                duplicates.stream().map(Element::text).toList(), "Possible duplicates of " + flagged.ref());
        Element link = duplicates.get(0).selectFirst("a");
        assertEquals(original.prospectPath(), link.attr("href"));
        assertEquals(original.ref() + " · " + original.signup().companyName(),
                hq.prospect(link.attr("href")).document().selectFirst("h1").ownText().strip());
    }

    /** The lead page of {@code flagged} lists the lead of {@code original} (only), with why, and links to it. */
    private void assertLeadFlagged(Application flagged, Application original, String... why) {
        WebPage page = alice.lead(flagged.leadPath());
        List<Element> rows = page.document().select("#duplicates tbody tr");
        assertEquals(1, rows.size(), "Possible duplicates of " + flagged.leadNumber() + ": " + rows);
        Element row = page.document().selectFirst("#duplicates tr[data-kind=LEAD][data-number=" + original.leadNumber() + "]");
        assertNotNull(row, original.leadNumber() + " among the possible duplicates of " + flagged.leadNumber());
        assertThat(row.select(".badge").eachText(), containsInAnyOrder(why));
        Element link = row.selectFirst("a");
        assertEquals(original.leadPath(), link.attr("href"));
        WebPage target = alice.lead(link.attr("href"));
        assertThat(target.document().select("#company dd").eachText(),
                hasItem(original.signup().companyName()));
        assertEquals(original.ref(), target.text("#prospect-link"));
    }
}
