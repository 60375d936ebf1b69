package dev.lamina.cli;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamina check FILE...}: reports every diagnostic of every file; exit 1 on any error. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Checks .lamina specs: syntax, options, shapes and parameter counts.")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .lamina files to check.")
    List<Path> files;

    @Override
    public Integer call() {
        long errors = 0;
        long warnings = 0;
        long models = 0;
        for (Path file : files) {
            Compilation compilation = LaminaCompiler.compile(file);
            spec.commandLine().getErr().print(compilation.render());
            errors += compilation.errorCount();
            warnings += compilation.warningCount();
            models += compilation.models().size();
        }
        String summary = Plural.of(errors, "error") + ", " + Plural.of(warnings, "warning");
        if (errors > 0) {
            spec.commandLine().getErr().println(summary);
            return LaminaCli.EXIT_FAILURE;
        }
        spec.commandLine()
                .getOut()
                .println(Plural.of(files.size(), "file") + " ok (" + Plural.of(models, "model") + "): " + summary);
        return LaminaCli.EXIT_OK;
    }
}
