package dev.lamina.compiler;

import dev.lamina.compiler.ast.LaminaFile;
import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.check.CheckResult;
import dev.lamina.compiler.check.Checker;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.codegen.ModelGenerator;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.compiler.ir.Lowering;
import dev.lamina.compiler.parse.ParseResult;
import dev.lamina.compiler.parse.SourceParser;
import dev.lamina.runtime.io.InvalidUtf8Exception;
import dev.lamina.runtime.io.Utf8Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The front end: parse, build the syntax tree, check shapes, lower to runtime specs. Each stage
 * stops the pipeline when it reports an error; warnings pass through.
 */
public final class LaminaCompiler {
    /** Diagnostics are reported in source order (the sort is stable for equal positions). */
    private static final Comparator<Diagnostic> BY_POSITION = Comparator.comparingInt(
                    (Diagnostic d) -> d.span().line())
            .thenComparingInt(d -> d.span().column());

    private LaminaCompiler() {}

    /**
     * Compiles a UTF-8 file (a leading byte-order mark is ignored); an unreadable file, or one that
     * is not UTF-8, is a diagnostic, not an exception.
     */
    public static Compilation compile(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException
                    ? "no such file"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Diagnostic diagnostic =
                    Diagnostic.of(ErrorCode.UNREADABLE_FILE, new Span(name, 0, 0, 0), "check the path", name, reason);
            return new Compilation(
                    name, "", new LaminaFile(List.of(), Span.NONE), List.of(), List.of(), List.of(diagnostic));
        }
        return compile(name, bytes);
    }

    /**
     * Compiles the UTF-8 {@code content} of a file (a leading byte-order mark is ignored); text that
     * is not UTF-8 is a diagnostic at the first bad byte. {@code name} is used in diagnostics.
     */
    public static Compilation compile(String name, byte[] content) {
        try {
            return compile(name, Utf8Text.decode(content));
        } catch (InvalidUtf8Exception e) {
            Diagnostic diagnostic = Diagnostic.of(
                    ErrorCode.UNREADABLE_FILE,
                    new Span(name, e.line(), e.column(), 1),
                    "save the file as UTF-8",
                    name,
                    e.getMessage());
            // The text with each bad sequence shown as U+FFFD, for the source line under the message.
            String shown = normalized(new String(content, StandardCharsets.UTF_8));
            return new Compilation(
                    name, shown, new LaminaFile(List.of(), Span.NONE), List.of(), List.of(), List.of(diagnostic));
        }
    }

    /**
     * Compiles {@code text}; {@code fileName} is used in diagnostics. A leading byte-order mark is
     * ignored, and {@code \r\n} and a lone {@code \r} end lines like {@code \n} (the compilation's
     * {@link Compilation#sourceText} has {@code \n} only). A file with syntax errors still has its
     * other models checked (those the parser read without error), so one run reports everything; it
     * has no checked models.
     */
    public static Compilation compile(String fileName, String source) {
        String text = normalized(source);
        ParseResult parsed = SourceParser.parse(fileName, text);
        CheckResult checked = Checker.check(parsed.file());
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        diagnostics.addAll(checked.diagnostics());
        diagnostics.sort(BY_POSITION);
        List<CheckedModel> models = parsed.hasErrors() || checked.hasErrors()
                ? List.of()
                : checked.models().stream()
                        .map(ir -> new CheckedModel(ir, Lowering.lower(ir)))
                        .toList();
        return new Compilation(fileName, text, parsed.file(), checked.layers(), models, diagnostics);
    }

    /** A class generated for a model, to detect collisions. */
    private record GeneratedClass(CheckedModel model, GeneratedModel source) {}

    /**
     * Generates the class of every model of {@code compilations} (each free of errors) into {@code
     * packageName} with {@code backend}: the one entry point from checked models to sources. A
     * model generated code cannot run, and two models whose classes would collide (the same class,
     * or files that differ only in case), are diagnostics; then no source is returned.
     *
     * @throws IllegalArgumentException when {@code packageName} is not a Java package name, or a
     *     compilation has errors
     */
    public static Generation generate(List<Compilation> compilations, String packageName, Backend backend) {
        ModelGenerator generator = new ModelGenerator(packageName, backend);
        List<GeneratedModel> sources = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, GeneratedClass> byFile = new HashMap<>();
        for (Compilation compilation : compilations) {
            if (compilation.hasErrors()) {
                throw new IllegalArgumentException(
                        compilation.fileName() + " has errors: there is nothing to generate");
            }
            texts.put(compilation.fileName(), compilation.sourceText());
            for (CheckedModel model : compilation.models()) {
                Optional<String> reason = ModelGenerator.unsupported(model.spec());
                if (reason.isPresent()) {
                    diagnostics.add(Diagnostic.of(
                            ErrorCode.GENERATION_UNSUPPORTED,
                            model.ir().span(),
                            "the interpreter runs such models",
                            reason.get()));
                    continue;
                }
                GeneratedModel source = generator.generate(model, compilation.sourceText());
                GeneratedClass first = byFile.putIfAbsent(
                        source.relativePath().toLowerCase(Locale.ROOT), new GeneratedClass(model, source));
                if (first != null) {
                    boolean sameClass = first.source().qualifiedName().equals(source.qualifiedName());
                    diagnostics.add(Diagnostic.of(
                            sameClass ? ErrorCode.CLASS_NAME_CLASH : ErrorCode.CLASS_FILE_CLASH,
                            model.span(),
                            "rename one of the models (class and file names must differ, also in case)",
                            model.name(),
                            source.qualifiedName(),
                            first.model().name(),
                            first.model().span()));
                }
                sources.add(source);
            }
        }
        boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
        return new Generation(failed ? List.of() : sources, diagnostics, texts);
    }

    /**
     * {@code text} without a byte-order mark and with {@code \n} line endings, so that the
     * parser's lines (it counts {@code \n}) are the lines an editor shows.
     */
    private static String normalized(String text) {
        String unmarked = Utf8Text.withoutByteOrderMark(text);
        return unmarked.indexOf('\r') < 0
                ? unmarked
                : unmarked.replace("\r\n", "\n").replace('\r', '\n');
    }
}
