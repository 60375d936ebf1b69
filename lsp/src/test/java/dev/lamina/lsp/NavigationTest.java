package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.junit.jupiter.api.Test;

/** Go to definition and find references of tensor names, and the outline. */
class NavigationTest {
    private static final String TEXT_CNN = "model Kim {\n" // 0
            + "  input tokens [50] int\n" // 1
            + "  embedded = embedding(2000, 16)\n" // 2
            + "  k3 = embedded -> conv1d(8, 3, activation=relu) -> global_max_pooling1d\n" // 3
            + "  k4 = embedded -> conv1d(8, 4, activation=relu) -> global_max_pooling1d\n" // 4
            + "  [k3, k4] -> concatenate\n" // 5
            + "  dense(1, activation=sigmoid)\n" // 6
            + "  train { loss binary_crossentropy; optimizer adam }\n" // 7
            + "}\n";

    private static List<String> where(List<? extends Location> locations) {
        return locations.stream()
                .map(l -> l.getRange().getStart().getLine() + ":"
                        + l.getRange().getStart().getCharacter() + "-"
                        + l.getRange().getEnd().getCharacter())
                .toList();
    }

    @Test
    void definitionsAndReferencesOfTensorNames() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open(TEXT_CNN);
            assertThat(session.definition(3, 12)).extracting(Location::getUri).containsExactly(LspSession.URI);
            assertThat(where(session.definition(3, 12))).containsExactly("2:2-10");
            assertThat(where(session.definition(5, 8))).containsExactly("4:2-4");
            assertThat(where(session.definition(2, 4))).containsExactly("2:2-10");
            assertThat(where(session.definition(3, 24))).isEmpty();
            assertThat(where(session.references(2, 3, true))).containsExactly("2:2-10", "3:7-15", "4:7-15");
            assertThat(where(session.references(4, 8, false))).containsExactly("3:7-15", "4:7-15");
            assertThat(where(session.references(5, 4, true))).containsExactly("3:2-4", "5:3-5");
        }
    }

    @Test
    void theOutlineListsModelsInputsNamedValuesAndLayers() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open(TEXT_CNN);
            List<DocumentSymbol> symbols = session.symbols();
            assertThat(symbols).hasSize(1);
            DocumentSymbol model = symbols.get(0);
            assertThat(model.getName()).isEqualTo("Kim");
            assertThat(model.getKind()).isEqualTo(SymbolKind.Class);
            assertThat(model.getDetail()).isEqualTo("32,929 parameters");
            assertThat(model.getRange()).isEqualTo(LspSession.range(0, 0, 8, 1));
            assertThat(model.getSelectionRange()).isEqualTo(LspSession.range(0, 6, 0, 9));
            assertThat(model.getChildren())
                    .extracting(s -> s.getName() + " " + s.getDetail())
                    .containsExactly(
                            "input tokens (50,)",
                            "embedded (50, 16)",
                            "k3 (8,)",
                            "k4 (8,)",
                            "concatenate Concatenate (16,)",
                            "dense Dense (1,)",
                            "train binary_crossentropy, adam");
            DocumentSymbol k3 = model.getChildren().get(2);
            assertThat(k3.getSelectionRange()).isEqualTo(LspSession.range(3, 2, 3, 4));
            assertThat(k3.getRange()).isEqualTo(LspSession.range(3, 2, 3, 72));
            assertThat(k3.getChildren())
                    .extracting(s -> s.getName() + " " + s.getDetail())
                    .containsExactly("conv1d Conv1D (48, 8)", "global_max_pooling1d GlobalMaxPooling1D (8,)");
        }
    }
}
