package dev.lamina.compiler.javac;

/** Java sources that did not compile; the message lists each error with its file, line and column. */
public final class CompilationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompilationFailedException(String message) {
        super(message);
    }
}
