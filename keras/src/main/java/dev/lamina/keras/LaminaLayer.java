package dev.lamina.keras;

import dev.lamina.runtime.spec.MergeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One layer of the spec being written: its Lamina type and arguments as they are written, its name,
 * the notes that become its comment (where a Keras option had to be mapped), and how its Keras
 * weights become Lamina parameters.
 *
 * @param type the Lamina layer type, e.g. {@code conv1d}
 * @param arguments rendered arguments: positional ones, then {@code key=value}
 * @param name the layer name (the Keras name)
 * @param notes what the comment on the layer's line says, e.g. {@code Keras ReLU layer}
 * @param parameters the Lamina parameter names in Keras's weight order, e.g. kernel, bias
 * @param flipKernel whether the kernel's steps are reversed (Theano kernels, see {@link Conv1DKernels})
 */
record LaminaLayer(
        String type,
        List<String> arguments,
        String name,
        List<String> notes,
        List<String> parameters,
        boolean flipKernel) {
    LaminaLayer {
        Objects.requireNonNull(type, "type");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(name, "name");
        notes = List.copyOf(notes);
        parameters = List.copyOf(parameters);
    }

    /** A layer with one more note. */
    LaminaLayer withNote(String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return new LaminaLayer(type, arguments, name, all, parameters, flipKernel);
    }

    /** A layer whose kernel is reversed along its steps, with a note saying why. */
    LaminaLayer withFlippedKernel(String note) {
        return new LaminaLayer(type, arguments, name, notes, parameters, true).withNote(note);
    }

    /** Whether the layer is a merge, which reads a list of tensors ({@code [a, b] -> add}). */
    boolean isMerge() {
        return type.equals("concatenate")
                || Arrays.stream(MergeKind.values()).anyMatch(k -> k.kerasName().equals(type));
    }

    /** The line of the spec, e.g. {@code conv1d(4, 2, padding=same, name=conv0)}. */
    String text() {
        List<String> all = new ArrayList<>(arguments);
        all.add("name=" + SpecValues.name(name));
        return type + "(" + String.join(", ", all) + ")";
    }

    /** Builds a layer argument by argument. */
    static final class Builder {
        private final String type;
        private final String name;
        private final List<String> arguments = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> parameters = new ArrayList<>();

        Builder(String type, String name) {
            this.type = type;
            this.name = name;
        }

        /** A positional argument, already rendered. */
        Builder positional(Object value) {
            arguments.add(String.valueOf(value));
            return this;
        }

        /** {@code key=value} unless the value is the Lamina default. */
        Builder option(String key, Object value, Object laminaDefault) {
            if (!value.equals(laminaDefault)) {
                arguments.add(key + "=" + value);
            }
            return this;
        }

        Builder note(String note) {
            notes.add(note);
            return this;
        }

        /** The parameter names, in Keras's weight order. */
        Builder parameters(String... names) {
            parameters.addAll(List.of(names));
            return this;
        }

        LaminaLayer build() {
            return new LaminaLayer(type, arguments, name, notes, parameters, false);
        }
    }
}
