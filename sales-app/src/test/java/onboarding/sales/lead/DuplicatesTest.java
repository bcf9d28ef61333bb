package onboarding.sales.lead;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import onboarding.model.CompanyInfo;
import onboarding.sales.opportunity.Opportunity;
import onboarding.sales.support.BrowserForm;
import onboarding.sales.support.CommercePeer;
import onboarding.sales.support.Fixtures;
import onboarding.sales.support.Rows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Possible duplicates on the lead page: same email, same VAT number or same company domain. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "salesperson")
class DuplicatesTest {

    @Inject
    CommercePeer commerce;

    @Inject
    Rows rows;

    @Test
    void leads_accounts_and_contacts_sharing_email_vat_or_domain_are_flagged_with_the_reason() {
        String domain = Fixtures.domain();
        String vat = Fixtures.vat();
        // an earlier signup of the same company, qualified: a lead, an account and a contact exist
        long earlier = commerce.signup(Fixtures.company(domain, vat), Fixtures.contact("claire@" + domain));
        BrowserForm.open("/leads/" + earlier).submit("#qualify-form", Map.of());
        Opportunity opportunity = rows.inTransaction(() -> Opportunity.<Opportunity>find("lead.id", earlier)
                .firstResult());
        // a colleague at the same company with another VAT number, and someone unrelated
        long colleague = commerce.signup(Fixtures.company(domain, Fixtures.vat()), Fixtures.contact("marc@" + domain));
        long unrelated = commerce.signup();

        // the same person signs up again
        long lead = commerce.signup(Fixtures.company(domain, vat), Fixtures.contact("claire@" + domain));
        Document page = Jsoup.parse(given().get("/leads/" + lead).then().statusCode(200).extract().asString());
        Element duplicates = page.selectFirst("#duplicates");

        assertEquals(Set.of("EMAIL", "VAT", "DOMAIN"), matches(duplicates, "LEAD", number(earlier)));
        assertEquals(Set.of("DOMAIN"), matches(duplicates, "LEAD", number(colleague)));
        assertEquals(Set.of("VAT", "DOMAIN"), matches(duplicates, "ACCOUNT", opportunity.account.number));
        assertEquals(Set.of("EMAIL", "DOMAIN"), matches(duplicates, "CONTACT", opportunity.contact.number));
        assertTrue(duplicates.select("tr[data-number=" + number(unrelated) + "]").isEmpty());
        assertTrue(duplicates.select("tr[data-number=" + number(lead) + "]").isEmpty(), "not itself");
        assertEquals("/accounts/" + opportunity.account.id,
                duplicates.selectFirst("tr[data-kind=ACCOUNT] a").attr("href"));
        assertEquals("/leads/" + earlier,
                duplicates.selectFirst("tr[data-number=" + number(earlier) + "] a").attr("href"));
        assertTrue(duplicates.text().contains("Same VAT number"), duplicates.text());
        // the duplicate account is offered when qualifying
        assertEquals(1, page.select("#qualify-form input[name=accountId][value=" + opportunity.account.id + "]").size());
    }

    @Test
    void free_mail_domains_say_nothing_about_the_company() {
        String mailbox = "jo." + Fixtures.domain().replace(".test", "");
        long first = commerce.signup(Fixtures.company(), Fixtures.contact(mailbox + "@gmail.com"));
        long second = commerce.signup(
                new CompanyInfo("Other Co", "1 rue", "Paris", "75001", "FR", Fixtures.vat(), null),
                Fixtures.contact("someone." + mailbox + "@gmail.com"));
        long yahoo = commerce.signup(Fixtures.company(), Fixtures.contact(mailbox + "@yahoo.fr"));

        Document page = Jsoup.parse(given().get("/leads/" + second).asString());
        assertTrue(page.select("#duplicates tr[data-number=" + number(first) + "]").isEmpty(),
                "gmail.com is no company domain");
        assertFalse(page.select("#duplicates").text().contains("Same company domain"), page.select("#duplicates").text());
        Document same = Jsoup.parse(given().get("/leads/" + yahoo).asString());
        assertTrue(same.select("#duplicates tr[data-number=" + number(first) + "]").isEmpty());

        assertTrue(Duplicates.isFreeMail("hotmail.co.uk"));
        assertTrue(Duplicates.isFreeMail("GMX.de"));
        assertTrue(Duplicates.isFreeMail("orange.fr"));
        assertTrue(Duplicates.isFreeMail("free.fr"));
        assertFalse(Duplicates.isFreeMail("dupont-outillage.fr"));
        assertEquals("acme.fr", Duplicates.hostOf("https://www.acme.fr/shop?x=1"));
        assertEquals("acme.fr", Duplicates.hostOf("acme.fr"));
    }

    @Test
    void a_lead_without_anything_in_common_has_no_duplicates() {
        long lead = commerce.signup();
        Document page = Jsoup.parse(given().get("/leads/" + lead).asString());
        assertEquals("No other lead, account or contact has the same email, VAT number or company domain.",
                page.select("#duplicates p.muted").text());
    }

    private String number(long leadId) {
        return rows.inTransaction(() -> Lead.<Lead>findById(leadId).number);
    }

    private static Set<String> matches(Element duplicates, String kind, String number) {
        Element row = duplicates.selectFirst("tr[data-kind=" + kind + "][data-number=" + number + "]");
        if (row == null) {
            throw new AssertionError(kind + " " + number + " not flagged: " + duplicates.text());
        }
        return row.select("span.badge").stream().map(b -> b.className().replaceAll(".*match-", ""))
                .collect(Collectors.toSet());
    }
}
