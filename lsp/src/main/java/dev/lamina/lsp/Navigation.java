package dev.lamina.lsp;

import dev.lamina.lsp.SourceIndex.Binding;
import dev.lamina.lsp.SourceIndex.TensorTarget;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/** Go to definition and find references for tensor names: inputs and bound statement values. */
final class Navigation {
    private Navigation() {}

    /** Where the tensor name at {@code position} is bound; empty when it is not a resolved tensor name. */
    static List<Location> definition(DocumentAnalysis analysis, Position position) {
        return binding(analysis, position)
                .map(b -> List.of(location(analysis, b.name().span())))
                .orElse(List.of());
    }

    /** Every use of the tensor name at {@code position}, its binding first when {@code includeDeclaration}. */
    static List<Location> references(DocumentAnalysis analysis, Position position, boolean includeDeclaration) {
        return binding(analysis, position)
                .map(b -> analysis.index().uses(b).stream()
                        .filter(use -> includeDeclaration
                                || !use.name().span().equals(b.name().span()))
                        .map(use -> location(analysis, use.span()))
                        .toList())
                .orElse(List.of());
    }

    private static Optional<Binding> binding(DocumentAnalysis analysis, Position position) {
        return analysis.index()
                .at(position.getLine() + 1, analysis.lines().column(position))
                .filter(TensorTarget.class::isInstance)
                .flatMap(t -> ((TensorTarget) t).binding());
    }

    private static Location location(DocumentAnalysis analysis, dev.lamina.compiler.ast.Span span) {
        return new Location(analysis.document().uri(), analysis.lines().range(span));
    }
}
