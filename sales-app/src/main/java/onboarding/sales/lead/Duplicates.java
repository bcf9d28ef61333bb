package onboarding.sales.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import onboarding.sales.account.Account;
import onboarding.sales.contact.Contact;

/**
 * Possible duplicates of a lead: other leads, accounts and contacts with the same email, the same VAT
 * number, or the same company domain (the lead's email domain or website, free-mail domains excepted).
 */
@ApplicationScoped
public class Duplicates {

    /** At most this many matches of each kind are shown. */
    static final int LIMIT = 20;

    /** Domains anyone can get a mailbox at: sharing one says nothing about the company. */
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "msn.com", "aol.com",
            "icloud.com", "me.com", "mac.com", "ymail.com", "rocketmail.com", "proton.me", "protonmail.com",
            "pm.me", "mail.com", "zoho.com", "fastmail.com", "tutanota.com", "web.de", "t-online.de",
            "freenet.de", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr",
            "aliceadsl.fr", "numericable.fr", "libero.it", "virgilio.it", "tiscali.it", "bluewin.ch",
            "skynet.be", "telenet.be", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "qq.com", "163.com",
            "mail.ru", "bk.ru", "inbox.ru", "list.ru");
    /** Providers with a domain per country (yahoo.fr, hotmail.co.uk, gmx.de ...). */
    private static final Set<String> FREE_MAIL_PROVIDERS = Set.of("yahoo", "hotmail", "outlook", "live", "gmx",
            "yandex", "aim");

    /** The host of a website, without scheme and leading www (PostgreSQL regular expression). */
    private static final String HOST_PATTERN = "^(?:[A-Za-z]+://)?(?:www\\.)?([^/:?#]+)";

    /** What a record has in common with the lead. */
    public enum Match { EMAIL, VAT, DOMAIN }

    /** Kind of record that may be a duplicate. */
    public enum Kind { LEAD, ACCOUNT, CONTACT }

    /** One possible duplicate, with what it shares with the lead. */
    public record Duplicate(Kind kind, long id, String number, String name, String detail, Set<Match> matches) {
        public String url() {
            return switch (kind) {
                case LEAD -> "/leads/" + id;
                case ACCOUNT -> "/accounts/" + id;
                case CONTACT -> "/contacts/" + id;
            };
        }
    }

    /** The possible duplicates of a lead, grouped by kind; each lists all it shares with the lead. */
    public record Found(List<Duplicate> leads, List<Duplicate> accounts, List<Duplicate> contacts) {
        public boolean isEmpty() {
            return leads.isEmpty() && accounts.isEmpty() && contacts.isEmpty();
        }

        public int size() {
            return leads.size() + accounts.size() + contacts.size();
        }
    }

    private final EntityManager em;

    Duplicates(EntityManager em) {
        this.em = em;
    }

    /**
     * Possible duplicates of {@code lead}; the account and contact made from the lead itself (once
     * qualified) are left out.
     */
    public Found of(Lead lead, Long ownAccountId, Long ownContactId) {
        String email = normalizeEmail(lead.email);
        String vat = normalizeVat(lead.vatNumber);
        Set<String> domains = companyDomains(lead.email, lead.website);
        return new Found(leads(lead, email, vat, domains), accounts(ownAccountId, vat, domains),
                contacts(ownContactId, email, domains));
    }

    /**
     * The ids of the accounts the lead page offers to qualify an open lead with (its possible duplicate accounts):
     * the only accounts a qualification may reuse.
     */
    public Set<Long> offeredAccountIds(Lead lead) {
        Set<Long> ids = new java.util.HashSet<>();
        accounts(null, normalizeVat(lead.vatNumber), companyDomains(lead.email, lead.website))
                .forEach(account -> ids.add(account.id()));
        return ids;
    }

    private List<Duplicate> leads(Lead lead, String email, String vat, Set<String> domains) {
        List<String> conditions = new ArrayList<>();
        if (email != null) {
            conditions.add("lower(email) = :email");
        }
        if (vat != null) {
            conditions.add("upper(vat_number) = :vat");
        }
        if (!domains.isEmpty()) {
            conditions.add("lower(split_part(email, '@', 2)) in (:domains)");
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        var query = em.createNativeQuery("select * from lead where id <> :id and (" + String.join(" or ", conditions)
                + ") order by created_at desc, id desc limit " + LIMIT, Lead.class).setParameter("id", lead.id);
        bind(query, email, vat, domains);
        List<Duplicate> found = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Lead other = (Lead) row;
            EnumSet<Match> matches = EnumSet.noneOf(Match.class);
            if (email != null && email.equals(normalizeEmail(other.email))) {
                matches.add(Match.EMAIL);
            }
            if (vat != null && vat.equals(normalizeVat(other.vatNumber))) {
                matches.add(Match.VAT);
            }
            if (domains.contains(domainOf(other.email))) {
                matches.add(Match.DOMAIN);
            }
            found.add(new Duplicate(Kind.LEAD, other.id, other.number, other.companyName,
                    other.contactName() + " · " + other.email, matches));
        }
        return found;
    }

    private List<Duplicate> accounts(Long ownAccountId, String vat, Set<String> domains) {
        List<String> conditions = new ArrayList<>();
        if (vat != null) {
            conditions.add("upper(vat_number) = :vat");
        }
        if (!domains.isEmpty()) {
            conditions.add("lower(substring(website from :hostPattern)) in (:domains)");
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        var query = em.createNativeQuery("select * from account where id <> :own and (" + String.join(" or ", conditions)
                + ") order by created_at desc, id desc limit " + LIMIT, Account.class)
                .setParameter("own", ownAccountId == null ? -1L : ownAccountId);
        bind(query, null, vat, domains);
        if (!domains.isEmpty()) {
            query.setParameter("hostPattern", HOST_PATTERN);
        }
        List<Duplicate> found = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Account other = (Account) row;
            EnumSet<Match> matches = EnumSet.noneOf(Match.class);
            if (vat != null && vat.equals(normalizeVat(other.vatNumber))) {
                matches.add(Match.VAT);
            }
            if (domains.contains(hostOf(other.website))) {
                matches.add(Match.DOMAIN);
            }
            found.add(new Duplicate(Kind.ACCOUNT, other.id, other.number, other.name,
                    join(other.city, other.countryCode, other.vatNumber), matches));
        }
        return found;
    }

    private List<Duplicate> contacts(Long ownContactId, String email, Set<String> domains) {
        List<String> conditions = new ArrayList<>();
        if (email != null) {
            conditions.add("lower(email) = :email");
        }
        if (!domains.isEmpty()) {
            conditions.add("lower(split_part(email, '@', 2)) in (:domains)");
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        var query = em.createNativeQuery("select * from contact where id <> :own and (" + String.join(" or ", conditions)
                + ") order by created_at desc, id desc limit " + LIMIT, Contact.class)
                .setParameter("own", ownContactId == null ? -1L : ownContactId);
        bind(query, email, null, domains);
        List<Duplicate> found = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Contact other = (Contact) row;
            EnumSet<Match> matches = EnumSet.noneOf(Match.class);
            if (email != null && email.equals(normalizeEmail(other.email))) {
                matches.add(Match.EMAIL);
            }
            if (domains.contains(domainOf(other.email))) {
                matches.add(Match.DOMAIN);
            }
            found.add(new Duplicate(Kind.CONTACT, other.id, other.number, other.fullName(),
                    other.email + (other.account == null ? "" : " · " + other.account.name), matches));
        }
        return found;
    }

    private static void bind(jakarta.persistence.Query query, String email, String vat, Set<String> domains) {
        if (email != null) {
            query.setParameter("email", email);
        }
        if (vat != null) {
            query.setParameter("vat", vat);
        }
        if (!domains.isEmpty()) {
            query.setParameter("domains", List.copyOf(domains));
        }
    }

    /** The lead's company domains: its email domain and its website, unless they are free-mail domains. */
    static Set<String> companyDomains(String email, String website) {
        Set<String> domains = new LinkedHashSet<>();
        for (String domain : new String[] { domainOf(email), hostOf(website) }) {
            if (domain != null && !domain.isBlank() && !isFreeMail(domain)) {
                domains.add(domain);
            }
        }
        return domains;
    }

    static boolean isFreeMail(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (FREE_MAIL.contains(d)) {
            return true;
        }
        int dot = d.indexOf('.');
        return dot > 0 && FREE_MAIL_PROVIDERS.contains(d.substring(0, dot));
    }

    static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    }

    /** {@code https://www.acme.fr/shop} gives {@code acme.fr}. */
    static String hostOf(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String url = website.trim().contains("://") ? website.trim() : "https://" + website.trim();
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalizeEmail(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    static String normalizeVat(String vat) {
        if (vat == null) {
            return null;
        }
        String normalized = vat.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        return normalized.isEmpty() ? null : normalized;
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(" · ", present);
    }
}
