package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The options {@code train} and {@code predict} share (the spec file, the {@code --x} inputs, the
 * {@code --engine} and its {@code --backend}, {@code --threads}), the loading of the one model and
 * its inputs, and the creation of the model.
 */
final class ModelOptions {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The .lamina file.")
    Path file;

    @Option(
            names = "--x",
            required = true,
            paramLabel = "[NAME=]X",
            description = "Inputs: .npy of shape (N, *input shape), or .csv with one flattened example per row."
                    + " A model with several inputs takes --x NAME=FILE once per input.")
    List<String> x;

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            defaultValue = "generated",
            converter = Engine.Converter.class,
            description = "generated (compiled Java, needs a JDK) or interpreter (default: ${DEFAULT-VALUE}).")
    Engine engine;

    @Option(
            names = "--backend",
            paramLabel = "BACKEND",
            defaultValue = "scalar",
            converter = BackendConverter.class,
            description = BackendConverter.DESCRIPTION + " Needs --engine generated; on a Java 25+ started without"
                    + " the module, Lamina re-launches itself with it.")
    Backend backend;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "Threads a batch is split across, from 1 to " + Model.THREADS_PER_PROCESSOR
                    + " per processor (default: ${DEFAULT-VALUE}). Large batches of large"
                    + " models are split into a fixed number of shards whatever N is, so results do not depend"
                    + " on N.")
    int threads;

    /**
     * Checks {@code --threads} (1 to {@link Model#maxThreads()}) and that the engine has the backend (usage errors otherwise); empty when this JVM can run
     * the backend's classes, or else the exit code of the JVM that ran the command instead (see
     * {@link BackendJvm}).
     */
    OptionalInt checkBackend(CommandLine commandLine) {
        if (threads < 1) {
            throw new ParameterException(commandLine, "--threads must be at least 1, got " + threads);
        }
        if (threads > Model.maxThreads()) {
            throw new ParameterException(
                    commandLine,
                    "--threads must be at most " + Model.maxThreads() + " (" + Model.THREADS_PER_PROCESSOR
                            + " per processor, " + Runtime.getRuntime().availableProcessors()
                            + " processors here), got " + threads);
        }
        if (backend != Backend.SCALAR && engine != Engine.GENERATED) {
            throw new ParameterException(
                    commandLine,
                    "--backend " + backend.optionName() + " needs --engine generated; the " + engine.optionName()
                            + " engine has the scalar backend only");
        }
        return BackendJvm.relaunchIfNeeded(
                backend,
                commandLine.getCommandName(),
                commandLine
                        .getCommandSpec()
                        .root()
                        .commandLine()
                        .getParseResult()
                        .originalArgs());
    }

    /**
     * A model of the chosen engine and backend running on {@code --threads} threads, its parameters
     * initialized from {@code seed}.
     */
    Model create(ModelSpec spec, long seed) {
        Model model = engine.create(spec, seed, backend);
        model.setThreads(threads);
        return model;
    }

    /** A checked model with the inputs read for it. */
    record Loaded(CheckedModel definition, ModelInputs inputs) {}

    /**
     * The single model of the spec ({@code modelName}, or the file's only one) with its {@code --x}
     * inputs, or empty after reporting on stderr why there is no single model.
     */
    Optional<Loaded> load(CommandLine commandLine, String modelName) {
        return SingleModel.load(commandLine, file, modelName)
                .map(definition -> new Loaded(definition, ModelInputs.read(x, definition.inputs(), definition.name())));
    }
}
