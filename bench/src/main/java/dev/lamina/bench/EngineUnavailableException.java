package dev.lamina.bench;

/**
 * An engine this JVM cannot run (the vector engine on a JVM older than Java 25 or started without
 * {@code --add-modules jdk.incubator.vector}). It carries no stack trace: the message says it all,
 * and JMH prints just that line for a benchmark that fails in its setup.
 */
public final class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message) {
        super(message, null, false, false);
    }
}
