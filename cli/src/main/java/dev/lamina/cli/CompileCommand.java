package dev.lamina.cli;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.Generation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.codegen.ModelGenerator;
import dev.lamina.runtime.io.AtomicFileSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamina compile SPEC... -d OUTDIR}: generates one Java source per model of every spec. All
 * sources are generated in memory first; on any error (a spec diagnostic, a model the generator
 * cannot specialize, two models mapping to the same class) nothing is written. Every source is first
 * written to a hidden temporary file next to its target (with the usual permissions), then each is
 * moved into place; when a write or a move fails, the sources already replaced get their old
 * content back ({@link AtomicFileSet}). No temporary file is left behind. {@code --backend vector} writes Vector API
 * sources (on any Java) and notes what compiling and running them needs.
 */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = "Generates a specialized Java class for every model of the specs; on any error writes nothing.")
public final class CompileCommand implements Callable<Integer> {
    /** The package of generated classes when {@code --package} is not given. */
    static final String DEFAULT_PACKAGE = "lamina.generated";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "The .lamina files.")
    List<Path> files;

    @Option(
            names = "-d",
            required = true,
            paramLabel = "OUTDIR",
            description = "Source root to write into (package folders are created).")
    Path outDir;

    @Option(
            names = "--package",
            paramLabel = "P",
            defaultValue = DEFAULT_PACKAGE,
            description = "Java package of the generated classes (default: ${DEFAULT-VALUE}; \"\" for the unnamed"
                    + " package).")
    String packageName;

    @Option(
            names = "--backend",
            paramLabel = "BACKEND",
            defaultValue = "scalar",
            converter = BackendConverter.class,
            description = BackendConverter.DESCRIPTION + " Writing vector sources works on any Java.")
    Backend backend;

    @Override
    public Integer call() {
        if (!ModelGenerator.isValidPackageName(packageName)) {
            throw new ParameterException(
                    spec.commandLine(), "--package: '" + packageName + "' is not a valid Java package name");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Compilation> compilations = new ArrayList<>();
        long errors = 0;
        for (Path file : files) {
            Compilation compilation = LaminaCompiler.compile(file);
            err.print(compilation.render());
            if (compilation.hasErrors()) {
                errors += compilation.errorCount();
            } else {
                compilations.add(compilation);
            }
        }
        Generation generation = LaminaCompiler.generate(compilations, packageName, backend);
        err.print(generation.render());
        errors += generation.errorCount();
        if (errors > 0) {
            err.println(Plural.of(errors, "error") + "; nothing was written");
            return LaminaCli.EXIT_FAILURE;
        }
        if (generation.sources().isEmpty()) {
            err.println("lamina: the specs declare no model; nothing was written");
            return LaminaCli.EXIT_FAILURE;
        }
        try {
            write(generation.sources());
        } catch (IOException e) {
            throw FileErrors.of("cannot write the sources under", outDir, e, "; no file was changed");
        }
        if (backend == Backend.VECTOR) {
            spec.commandLine()
                    .getOut()
                    .println("note: vector backend sources need JDK " + Backend.VECTOR_MINIMUM_JAVA
                            + " or later, with --add-modules " + Backend.VECTOR_MODULE
                            + " both to compile them (javac) and to run them (java)");
            spec.commandLine().getOut().flush();
        }
        return LaminaCli.EXIT_OK;
    }

    /**
     * Writes every source or, when any write fails, none ({@link AtomicFileSet}), then lists them.
     */
    private void write(List<GeneratedModel> outputs) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (GeneratedModel output : outputs) {
            files.put(outDir.resolve(output.relativePath()), output.source().getBytes(StandardCharsets.UTF_8));
        }
        AtomicFileSet.write(files);
        for (Path file : files.keySet()) {
            spec.commandLine().getOut().println("wrote " + file);
        }
        spec.commandLine().getOut().flush();
    }
}
