package dev.lamina.keras;

/**
 * A Keras file that cannot be imported or loaded: unreadable, corrupt or truncated, of an unknown
 * format, with weights that disagree with its config, or using something Lamina does not support
 * ({@link UnsupportedKerasException}). The message says what and where, in one or a few lines.
 */
public class KerasImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public KerasImportException(String message) {
        super(message);
    }

    public KerasImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
