package dev.lamina.compiler.check;

import dev.lamina.compiler.ast.LaminaFile;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.compiler.ir.ModelIr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every model of a file with Keras's shape rules and reports all problems in one run, each
 * on the offending layer or argument.
 */
public final class Checker {
    private Checker() {}

    public static CheckResult check(LaminaFile file) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<ModelIr> models = new ArrayList<>();
        List<CheckedLayer> layers = new ArrayList<>();
        Map<String, Span> names = new HashMap<>();
        for (ModelDecl model : file.models()) {
            Span first = names.putIfAbsent(model.name(), model.nameSpan());
            if (first != null) {
                diagnostics.add(Diagnostic.of(
                        ErrorCode.DUPLICATE_NAME,
                        model.nameSpan(),
                        "rename one of them; each model becomes its own class",
                        "model",
                        model.name(),
                        "at line " + first.line()));
            }
            ModelChecker.check(model, diagnostics, layers).ifPresent(models::add);
        }
        return new CheckResult(models, diagnostics, layers);
    }
}
