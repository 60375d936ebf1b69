package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code train} and {@code predict} share (the spec file, the {@code --x} inputs and the
 * {@code --engine}) and the loading of the one model and its inputs.
 */
final class ModelOptions {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The .lamina file.")
    Path file;

    @Option(
            names = "--x",
            required = true,
            paramLabel = "X",
            description = "Inputs: .npy of shape (N, *input shape), or .csv with one flattened example per row.")
    Path x;

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            defaultValue = "generated",
            converter = Engine.Converter.class,
            description = "generated (compiled Java, needs a JDK) or interpreter (default: ${DEFAULT-VALUE}).")
    Engine engine;

    /** A checked model with the inputs read for it. */
    record Loaded(CheckedModel definition, DataFiles.Examples inputs) {}

    /**
     * The single model of the spec ({@code modelName}, or the file's only one) with its {@code --x}
     * inputs, or empty after reporting on stderr why there is no single model.
     */
    Optional<Loaded> load(CommandLine commandLine, String modelName) {
        return SingleModel.load(commandLine, file, modelName)
                .map(definition -> new Loaded(
                        definition,
                        DataFiles.inputs("--x", x, definition.input().shape(), definition.name())));
    }
}
