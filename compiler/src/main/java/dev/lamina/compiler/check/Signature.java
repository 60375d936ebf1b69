package dev.lamina.compiler.check;

import java.util.List;
import java.util.Optional;

/** The options of a layer or optimizer in Keras's positional order. */
record Signature(String owner, List<Param> params) {
    /** What an option accepts. */
    enum Kind {
        INT("an integer"),
        NUMBER("a number"),
        BOOL("true or false"),
        WORD("a name"),
        INT_OR_NONE("an integer or None"),
        INT_LIST("a list of integers such as [4, 2]"),
        INT_OR_PAIR("an integer or a pair [left, right]");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    record Param(String name, Kind kind, boolean required) {}

    Signature {
        params = List.copyOf(params);
    }

    static Param required(String name, Kind kind) {
        return new Param(name, kind, true);
    }

    static Param optional(String name, Kind kind) {
        return new Param(name, kind, false);
    }

    Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<String> names() {
        return params.stream().map(Param::name).toList();
    }
}
