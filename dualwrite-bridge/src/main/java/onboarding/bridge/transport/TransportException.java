package onboarding.bridge.transport;

/** The peer could not be reached, or it refused the whole batch (bad signature, server error). */
public class TransportException extends Exception {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
