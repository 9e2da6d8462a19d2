package io.dceff.platform.embedded;

/** The embedded default cannot start; the message says why in one line, for the log. */
public class EmbeddedStartException extends IllegalStateException {

    public EmbeddedStartException(String message) {
        super(message);
    }
}
