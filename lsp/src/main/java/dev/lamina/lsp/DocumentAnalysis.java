package dev.lamina.lsp;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.compiler.diag.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * One version of a document, compiled: the compiler's diagnostics as the protocol's, and the index
 * that hover, navigation and the outline read. Immutable; built on the analysis worker.
 */
final class DocumentAnalysis {
    /** The source of every diagnostic the server publishes. */
    static final String SOURCE = "lamina";

    private final TextDocument document;
    private final LineMap lines;
    private final Compilation compilation;
    private final List<org.eclipse.lsp4j.Diagnostic> diagnostics;
    private final SourceIndex index;
    /** Start offset of each model's {@code model} keyword to the offset just after its closing brace. */
    private final Map<Integer, Integer> modelEnds;

    DocumentAnalysis(TextDocument document) {
        this.document = document;
        this.lines = new LineMap(document.text());
        this.compilation = LaminaCompiler.compile(document.uri(), document.text());
        this.diagnostics =
                compilation.diagnostics().stream().map(this::toProtocol).toList();
        this.index = new SourceIndex(compilation);
        this.modelEnds = modelEnds(document.text());
    }

    TextDocument document() {
        return document;
    }

    int version() {
        return document.version();
    }

    LineMap lines() {
        return lines;
    }

    Compilation compilation() {
        return compilation;
    }

    SourceIndex index() {
        return index;
    }

    List<org.eclipse.lsp4j.Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** True when the file has no syntax error (a bad character or a parse error). */
    boolean parses() {
        return compilation.diagnostics().stream()
                .noneMatch(d -> d.code() == ErrorCode.SYNTAX || d.code() == ErrorCode.BAD_CHARACTER);
    }

    /** From a model's {@code model} keyword to just after its closing brace. */
    Range range(ModelDecl model) {
        Position start = lines.position(model.span().line(), model.span().column());
        int startOffset = lines.offset(start);
        int end = modelEnds.getOrDefault(startOffset, startOffset + model.span().length());
        return new Range(start, lines.position(end));
    }

    /**
     * A compiler diagnostic as the protocol's: same code, message and span; the hint follows the
     * message on its own line; unused values are tagged so editors fade them.
     */
    private org.eclipse.lsp4j.Diagnostic toProtocol(Diagnostic d) {
        String message = d.hint().isEmpty() ? d.message() : d.message() + "\nhint: " + d.hint();
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(
                lines.range(d.span()),
                message,
                d.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                SOURCE,
                d.code().id());
        if (d.code() == ErrorCode.UNUSED_VALUE) {
            out.setTags(List.of(DiagnosticTag.Unnecessary));
        }
        return out;
    }

    private static Map<Integer, Integer> modelEnds(String text) {
        Map<Integer, Integer> ends = new HashMap<>();
        int depth = 0;
        int modelStart = -1;
        for (Scanner.Token token : Scanner.tokens(text)) {
            if (depth == 0 && token.isName("model")) {
                modelStart = token.start();
            } else if (token.is("{")) {
                depth++;
            } else if (token.is("}") && depth > 0) {
                depth--;
                if (depth == 0 && modelStart >= 0) {
                    ends.put(modelStart, token.end());
                    modelStart = -1;
                }
            }
        }
        return ends;
    }
}
