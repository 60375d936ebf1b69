package dev.lamina.compiler.ast;

import java.util.Optional;

/** A positional ({@code 100}) or keyword ({@code kernel_size=10}) argument. */
public record Argument(Optional<String> key, Value value, Span span) implements Node {
    public boolean isPositional() {
        return key.isEmpty();
    }
}
