package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Compiles a file for a command that needs checked models: prints its diagnostics to stderr and
 * selects the models ({@code --model NAME} or all).
 */
final class CompiledFile {
    private CompiledFile() {}

    /** The selected models, or empty after reporting why there are none to show. */
    static Optional<List<CheckedModel>> load(CommandLine commandLine, Path file, String modelName) {
        Compilation compilation = LaminaCompiler.compile(file);
        commandLine.getErr().print(compilation.render());
        if (compilation.hasErrors()) {
            commandLine
                    .getErr()
                    .println(Plural.of(compilation.errorCount(), "error") + ", "
                            + Plural.of(compilation.warningCount(), "warning"));
            return Optional.empty();
        }
        List<CheckedModel> models = compilation.models();
        if (modelName != null) {
            models = models.stream().filter(m -> m.name().equals(modelName)).toList();
            if (models.isEmpty()) {
                commandLine
                        .getErr()
                        .println("lamina: " + file + " has no model '" + modelName + "'; it has: "
                                + compilation.models().stream()
                                        .map(CheckedModel::name)
                                        .collect(Collectors.joining(", ")));
                return Optional.empty();
            }
        }
        if (models.isEmpty()) {
            commandLine.getErr().println("lamina: " + file + " declares no model");
            return Optional.empty();
        }
        return Optional.of(models);
    }

    /**
     * Prints each selected model with {@code printer}, a blank line between models; returns the exit
     * code (1 when the file had errors or no such model).
     */
    static int printEach(
            CommandLine commandLine, Path file, String modelName, BiConsumer<CheckedModel, PrintWriter> printer) {
        Optional<List<CheckedModel>> models = load(commandLine, file, modelName);
        if (models.isEmpty()) {
            return LaminaCli.EXIT_FAILURE;
        }
        PrintWriter out = commandLine.getOut();
        boolean first = true;
        for (CheckedModel m : models.get()) {
            if (!first) {
                out.println();
            }
            first = false;
            printer.accept(m, out);
        }
        out.flush();
        return LaminaCli.EXIT_OK;
    }
}
