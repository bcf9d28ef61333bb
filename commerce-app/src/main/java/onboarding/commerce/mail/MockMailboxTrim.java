package onboarding.commerce.mail;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code MAIL_MOCK=true} outside the tests (the demo of {@code start.sh}, the benchmark), Quarkus' mock mailer
 * keeps every mail it "sends" in memory, for tests to read; nobody reads it there (each mail is in the log and on
 * the Emails page), so the mailbox is emptied every few seconds. Measured: 15,000 signups left some 30 MB of mails on
 * the heap; emptied once a minute it still held up to a minute of mails at 640 signups/s (some 70 MB), which made
 * the heap grow and stay large after the load.
 */
@ApplicationScoped
@IfBuildProfile("prod")
public class MockMailboxTrim {

    private final MockMailbox mailbox;
    private final boolean mock;

    MockMailboxTrim(MockMailbox mailbox, @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mock) {
        this.mailbox = mailbox;
        this.mock = mock;
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void trim() {
        if (mock) {
            mailbox.clear();
        }
    }
}
