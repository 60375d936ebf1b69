package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The options {@code explain} and {@code summary} share: the spec file and an optional {@code --model}. */
final class ModelReportOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .lamina file.")
    Path file;

    @Option(names = "--model", paramLabel = "NAME", description = "Only this model of the file.")
    String model;

    /** Prints each chosen model of the file with {@code printer}; the exit code. */
    int printEach(BiConsumer<CheckedModel, PrintWriter> printer) {
        return CompiledFile.printEach(command.commandLine(), file, model, printer);
    }
}
