package onboarding.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** The SMTP server Commerce sends to (GreenMail, SMTP only, no auth, no TLS) and what it received. */
public final class Mailbox implements AutoCloseable {

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
