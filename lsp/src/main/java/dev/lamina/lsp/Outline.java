package dev.lamina.lsp;

import dev.lamina.compiler.ast.InputDecl;
import dev.lamina.compiler.ast.LayerDecl;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.ast.StatementDecl;
import dev.lamina.compiler.ast.TrainDecl;
import dev.lamina.compiler.ast.TrainItem;
import dev.lamina.compiler.check.LanguageCatalog;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/**
 * The document's outline: each model with its inputs, its layers (by their Keras names, with their
 * output shapes when inferred; a statement bound to a name groups its layers under that name) and
 * its training section.
 */
final class Outline {
    private Outline() {}

    static List<DocumentSymbol> symbols(DocumentAnalysis analysis) {
        return analysis.compilation().syntaxTree().models().stream()
                .map(model -> model(analysis, model))
                .toList();
    }

    private static DocumentSymbol model(DocumentAnalysis analysis, ModelDecl model) {
        List<DocumentSymbol> children = new ArrayList<>();
        for (InputDecl input : model.inputs()) {
            Range range = analysis.lines().range(input.span());
            children.add(symbol(
                    "input" + input.name().map(n -> " " + n.text()).orElse(""),
                    SourceIndex.declaredShape(input).map(Shape::toString).orElse(""),
                    SymbolKind.Variable,
                    range,
                    input.name().map(n -> analysis.lines().range(n.span())).orElse(range),
                    List.of()));
        }
        for (StatementDecl statement : model.statements()) {
            List<DocumentSymbol> layers = statement.layers().stream()
                    .map(layer -> layer(analysis, layer))
                    .toList();
            if (statement.target().isPresent()) {
                Range name = analysis.lines().range(statement.target().get().span());
                Range range = analysis.lines().range(statement.span());
                for (DocumentSymbol layer : layers) {
                    range = union(range, layer.getRange());
                }
                LayerDecl last = statement.layers().get(statement.layers().size() - 1);
                String shape = analysis.index()
                        .checked(last)
                        .map(c -> c.output().toString())
                        .orElse("");
                children.add(symbol(statement.target().get().text(), shape, SymbolKind.Variable, range, name, layers));
            } else {
                children.addAll(layers);
            }
        }
        model.train().ifPresent(train -> children.add(train(analysis, train)));
        Range range = analysis.range(model);
        return symbol(
                model.name(),
                analysis.index()
                        .checked(model)
                        .map(m -> Hovers.parameters(m.totalParams()))
                        .orElse(""),
                SymbolKind.Class,
                range,
                analysis.lines().range(model.nameSpan()),
                children);
    }

    private static DocumentSymbol layer(DocumentAnalysis analysis, LayerDecl layer) {
        Range range = analysis.lines().range(layer.span());
        return analysis.index()
                .checked(layer)
                .map(c -> symbol(
                        c.name(),
                        LanguageCatalog.kerasClass(layer.type()) + " " + c.output(),
                        SymbolKind.Function,
                        range,
                        analysis.lines().range(layer.typeSpan()),
                        List.of()))
                .orElseGet(() -> symbol(
                        layer.type(),
                        LanguageCatalog.kerasClass(layer.type()),
                        SymbolKind.Function,
                        range,
                        analysis.lines().range(layer.typeSpan()),
                        List.of()));
    }

    private static DocumentSymbol train(DocumentAnalysis analysis, TrainDecl train) {
        Range range = analysis.lines().range(train.span());
        return symbol(
                "train",
                train.items().stream().map(TrainItem::setting).collect(Collectors.joining(", ")),
                SymbolKind.Namespace,
                range,
                range,
                List.of());
    }

    private static Range union(Range a, Range b) {
        return new Range(
                compare(a.getStart(), b.getStart()) <= 0 ? a.getStart() : b.getStart(),
                compare(a.getEnd(), b.getEnd()) >= 0 ? a.getEnd() : b.getEnd());
    }

    private static int compare(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
        return a.getLine() != b.getLine()
                ? Integer.compare(a.getLine(), b.getLine())
                : Integer.compare(a.getCharacter(), b.getCharacter());
    }

    private static DocumentSymbol symbol(
            String name, String detail, SymbolKind kind, Range range, Range selection, List<DocumentSymbol> children) {
        DocumentSymbol symbol = new DocumentSymbol(name, kind, range, selection, detail);
        symbol.setChildren(children);
        return symbol;
    }
}
