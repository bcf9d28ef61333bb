package onboarding.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The SMTP server Commerce sends to (GreenMail, SMTP only, no auth, no TLS) and what it received. */
public final class Mailbox implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long the mails received must stay as they are to count as all there is. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final GreenMail greenMail;
    private final int port;

    Mailbox(int port) {
        this.port = port;
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    void start() {
        greenMail.start();
    }

    public int port() {
        return port;
    }

    /** Every received message with {@code address} among its recipients. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
    }

    /** The decoded subjects of the messages to {@code address}. */
    public List<String> subjectsTo(String address) {
        return to(address).stream().map(Mailbox::subject).toList();
    }

    /**
     * Waits until {@code address} has received exactly the mails of {@code subjects} (in any order: each
     * goes out on its own after its commit) and still has a moment later, so that a mail sent twice, or one
     * too many, fails the test.
     *
     * @return those mails, in the order of {@code subjects}
     */
    public List<MimeMessage> awaitExactly(String address, String... subjects) {
        await(subjects.length + " mail(s) to " + address).atMost(WAIT)
                .until(() -> subjectsTo(address), received -> received.size() >= subjects.length);
        await("still exactly " + subjects.length + " mail(s) to " + address).during(SETTLE).atMost(SETTLE.plus(WAIT))
                .until(() -> subjectsTo(address).size(), is(subjects.length));
        assertThat("mails to " + address, subjectsTo(address), containsInAnyOrder(subjects));
        List<MimeMessage> received = to(address);
        return Arrays.stream(subjects).map(subject -> received.stream()
                .filter(message -> subject.equals(subject(message))).findFirst().orElseThrow()).toList();
    }

    /** The plain text part of a mail (all mails Commerce sends have one next to the HTML). */
    public static String text(MimeMessage message) {
        try {
            return textOf(message.getContent(), message.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(Object content, String contentType) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
                    text.append(textOf(part.getContent(), part.getContentType()));
                }
            }
            return text.toString();
        }
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")
                ? content.toString() : "";
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> address.equalsIgnoreCase(
                    a instanceof InternetAddress internet ? internet.getAddress() : a.toString()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
