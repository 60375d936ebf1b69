package dev.lamina.cli;

import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code --x} files of a model, one per input: {@code --x FILE} for a model with one input,
 * {@code --x NAME=FILE} once per input for a model with several (also accepted with one). Each is
 * read and checked against its input's shape, and every file must hold the same number of
 * examples.
 */
record ModelInputs(List<DataFiles.Examples> examples) {
    ModelInputs {
        examples = List.copyOf(examples);
    }

    /** Reads the {@code --x} values for {@code inputs}; a usage problem is an {@link IllegalArgumentException}. */
    static ModelInputs read(List<String> values, List<InputSpec> inputs, String model) {
        Map<String, Path> files = files(values, inputs, model);
        List<DataFiles.Examples> examples = new ArrayList<>();
        for (InputSpec input : inputs) {
            String option = inputs.size() == 1 ? "--x" : "--x " + input.name() + "=";
            String what = inputs.size() == 1 ? "the input" : "input '" + input.name() + "'";
            examples.add(DataFiles.inputs(option, files.get(input.name()), input.shape(), what, model));
        }
        ModelInputs read = new ModelInputs(examples);
        for (DataFiles.Examples other : examples) {
            if (other.count() != read.count()) {
                throw new IllegalArgumentException("the --x files hold different numbers of examples: "
                        + examples.stream().map(e -> e.file() + " " + e.count()).collect(Collectors.joining(", "))
                        + "; every input needs one row per example");
            }
        }
        return read;
    }

    private static Map<String, Path> files(List<String> values, List<InputSpec> inputs, String model) {
        List<String> names = inputs.stream().map(InputSpec::name).toList();
        Map<String, Path> files = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            String name = eq > 0 ? value.substring(0, eq) : null;
            if (name != null && names.contains(name)) {
                if (files.put(name, Path.of(value.substring(eq + 1))) != null) {
                    throw new IllegalArgumentException("--x " + name + "= is given twice");
                }
            } else if (inputs.size() == 1 && values.size() == 1) {
                files.put(names.get(0), Path.of(value));
            } else {
                throw new IllegalArgumentException("--x " + value + ": model " + model + " has the inputs "
                        + String.join(", ", names) + "; give one --x NAME=FILE for each");
            }
        }
        List<String> missing = names.stream().filter(n -> !files.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("model " + model + " has " + names.size() + " inputs ("
                    + String.join(", ", names) + "); missing --x " + String.join("=FILE, --x ", missing) + "=FILE");
        }
        return files;
    }

    /** The number of examples (the same in every file). */
    int count() {
        return examples.get(0).count();
    }

    /** The flat values of every input, in declaration order. */
    float[][] arrays() {
        float[][] arrays = new float[examples.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = examples.get(i).values();
        }
        return arrays;
    }

    /** The concrete per-example shape of every input. */
    List<Shape> shapes() {
        return examples.stream().map(DataFiles.Examples::exampleShape).toList();
    }

    /** The first file, for messages about the examples as a whole. */
    DataFiles.Examples first() {
        return examples.get(0);
    }
}
