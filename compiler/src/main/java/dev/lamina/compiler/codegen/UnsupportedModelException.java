package dev.lamina.compiler.codegen;

/** A model the code generator cannot specialize; the message says why and what to use instead. */
public final class UnsupportedModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedModelException(String message) {
        super(message);
    }
}
