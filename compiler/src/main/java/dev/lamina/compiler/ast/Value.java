package dev.lamina.compiler.ast;

import java.math.BigInteger;
import java.util.List;

/** A literal: integer, decimal number, {@code None}, a name such as {@code relu}, or a list. */
public sealed interface Value extends Node {
    /** An integer of any size; the checker reports the ones that do not fit. */
    record IntValue(BigInteger value, Span span) implements Value {}

    record FloatValue(double value, Span span) implements Value {}

    /** {@code None}: a dimension of unknown length. */
    record NoneValue(Span span) implements Value {}

    /** A bare name: {@code relu}, {@code same}, {@code true}, a layer name. */
    record NameValue(String name, Span span) implements Value {}

    record ListValue(List<Value> elements, Span span) implements Value {
        public ListValue {
            elements = List.copyOf(elements);
        }
    }
}
