package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.codegen.ModelGenerator;
import dev.lamina.compiler.codegen.UnsupportedModelException;
import dev.lamina.runtime.io.AtomicFileSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** A generated source and the model it comes from. */
    private record Output(GeneratedModel source, String origin) {}

    @Override
    public Integer call() {
        ModelGenerator generator;
        try {
            generator = new ModelGenerator(packageName, backend);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--package: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Output> outputs = new LinkedHashMap<>();
        long errors = 0;
        for (Path file : files) {
            Compilation compilation = LaminaCompiler.compile(file);
            err.print(compilation.render());
            if (compilation.hasErrors()) {
                errors += compilation.errorCount();
                continue;
            }
            for (CheckedModel model : compilation.models()) {
                String origin = "model " + model.name() + " (" + model.span() + ")";
                GeneratedModel source;
                try {
                    source = generator.generate(model, compilation.sourceText());
                } catch (UnsupportedModelException e) {
                    err.println("lamina: " + model.span() + ": " + e.getMessage());
                    errors++;
                    continue;
                }
                String key = source.relativePath().toLowerCase(Locale.ROOT);
                Output previous = outputs.putIfAbsent(key, new Output(source, origin));
                if (previous != null) {
                    String previousClass = previous.source().qualifiedName();
                    err.println("lamina: " + origin + " and " + previous.origin()
                            + (previousClass.equals(source.qualifiedName())
                                    ? " both map to class " + previousClass
                                    : " map to classes " + source.qualifiedName() + " and " + previousClass
                                            + ", whose files collide on case-insensitive file systems")
                            + "; rename one of them");
                    errors++;
                }
            }
        }
        if (errors > 0) {
            err.println(Plural.of(errors, "error") + "; nothing was written");
            return LaminaCli.EXIT_FAILURE;
        }
        if (outputs.isEmpty()) {
            err.println("lamina: the specs declare no model; nothing was written");
            return LaminaCli.EXIT_FAILURE;
        }
        try {
            write(new ArrayList<>(outputs.values()));
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
    private void write(List<Output> outputs) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Output output : outputs) {
            files.put(
                    outDir.resolve(output.source().relativePath()),
                    output.source().source().getBytes(StandardCharsets.UTF_8));
        }
        AtomicFileSet.write(files);
        for (Path file : files.keySet()) {
            spec.commandLine().getOut().println("wrote " + file);
        }
        spec.commandLine().getOut().flush();
    }
}
