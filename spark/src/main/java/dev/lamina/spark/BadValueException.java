package dev.lamina.spark;

/** A value of a row that cannot go to the model; the message says which and why. */
final class BadValueException extends Exception {
    private static final long serialVersionUID = 1L;

    BadValueException(String message) {
        super(message, null, false, false);
    }
}
