package dev.lamina.runtime.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
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
        assertThat(twoInputs.unsupported()).isEmpty();
        assertThat(twoInputs.train().orElseThrow().optimizer())
                .isEqualTo(new OptimizerSpec.Sgd(0.05, 0.9, true, OptimizerSpec.Clipping.NONE));
        GoldenCase clipped = cases.stream()
                .filter(c -> c.name().equals("random_15059_batchnorm_noaffine"))
                .findFirst()
                .orElseThrow();
        assertThat(clipped.train().orElseThrow().optimizer())
                .isEqualTo(new OptimizerSpec.AdamW(
                        0.02,
                        0.1,
                        0.9,
                        0.999,
                        1e-7,
                        OptimizerSpec.Clipping.of(OptimizerSpec.Clipping.Kind.GLOBAL_CLIPNORM, 0.11)));
        assertThat(clipped.model().layers().get(1))
                .isEqualTo(new LayerSpec.BatchNormalization("batch_normalization", 0.99, 0.001, true, false));
        GoldenCase huber = cases.stream()
                .filter(c -> c.name().equals("random_15087_huber_0p5"))
                .findFirst()
                .orElseThrow();
        assertThat(huber.huberDelta()).isEqualTo(0.5);
        assertThat(huber.model().training().orElseThrow().huberDelta()).isEqualTo(0.5);
        GoldenCase masked = cases.stream()
                .filter(c -> c.name().equals("random_15065_layernorm_mask"))
                .findFirst()
                .orElseThrow();
        assertThat(masked.unsupported()).contains("layer kind masking");
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
