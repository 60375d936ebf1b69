package dev.lamina.runtime.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenReaderTest {
    @Test
    void readsEveryCaseAndItsShapesAgreeWithTheSpecRules() {
        List<GoldenCase> cases = GoldenCases.all();
        assertThat(cases).isNotEmpty();
        for (GoldenCase c : cases) {
            if (c.unsupported().isPresent()) {
                continue;
            }
            ModelSpec spec = c.model();
            List<Shape> shapes = new ArrayList<>();
            for (int n = 0; n < spec.nodes().size(); n++) {
                shapes.add(spec.outputShape(n));
            }
            assertThat(shapes).as(c.name()).isEqualTo(c.expectShapes());
        }
    }

    @Test
    void readsBothFormatsAndNamesWhatIsMissing() {
        List<GoldenCase> cases = GoldenCases.all();
        assertThat(cases).extracting(GoldenCase::name).contains("medium_128x1_same_stride2");
        GoldenCase residual = cases.stream()
                .filter(c -> c.name().equals("random_15049_residual_conv"))
                .findFirst()
                .orElseThrow();
        assertThat(residual.unsupported()).isEmpty();
        assertThat(residual.model().isChain()).isFalse();
        GoldenCase twoInputs = cases.stream()
                .filter(c -> c.name().equals("random_15040_merge_subtract_2in"))
                .findFirst()
                .orElseThrow();
        assertThat(twoInputs.unsupported()).contains("activation leaky_relu");
        GoldenCase lstm = cases.stream()
                .filter(c -> c.name().equals("random_15008_lstm"))
                .findFirst()
                .orElseThrow();
        assertThat(lstm.unsupported()).contains("layer kind lstm");
    }

    @Test
    void readsTheShapeTables() {
        assertThat(GoldenCases.shapeCases())
                .extracting(GoldenShapeCase::name)
                .contains("seed_valid_119", "residual_add", "merge_without_list");
    }
}
