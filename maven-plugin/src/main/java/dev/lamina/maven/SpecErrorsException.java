package dev.lamina.maven;

/** Specs had errors; the message is the one-line summary, the details were logged. */
final class SpecErrorsException extends Exception {
    private static final long serialVersionUID = 1L;

    SpecErrorsException(String summary) {
        super(summary);
    }
}
