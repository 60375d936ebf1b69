package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.Generation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.compiler.javac.GeneratedModels;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models as large as a generated class may be: a 1,000-layer stack becomes a class javac compiles
 * (the methods that grow with the layer count are split over helpers) and that computes what the
 * interpreter does; one layer more is refused with a diagnostic naming the limit.
 */
class LargeModelTest {
    private static Compilation stack(int layers) {
        StringBuilder text = new StringBuilder("model Deep {\n  input [8]\n");
        for (int i = 0; i < layers; i++) {
            text.append("  dense(4, activation=tanh)\n");
        }
        return LaminaCompiler.compile("deep.lamina", text.append("}\n").toString());
    }

    @Test
    void aThousandLayerStackCompilesAndRuns() {
        Compilation compilation = stack(ModelGenerator.MAX_LAYERS);
        Generation generation =
                LaminaCompiler.generate(List.of(compilation), "dev.lamina.generated.large", Backend.SCALAR);
        assertThat(generation.diagnostics()).isEmpty();
        Model generated = GeneratedModels.create(generation.sources().get(0), 3);
        Model interpreted = new Interpreter(compilation.models().get(0).spec(), 3);
        float[] x = {0.5f, -1, 2, 0, 0.25f, 1, -0.5f, 3};
        assertThat(generated.predict(x, 1))
                .containsExactly(interpreted.predict(x, 1), org.assertj.core.api.Assertions.within(1e-6f));
        float[] target = {0.1f, 0.2f, 0.3f, 0.4f};
        assertThat(generated.computeGradients(x, target, 1))
                .isCloseTo(interpreted.computeGradients(x, target, 1), org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void oneLayerMoreIsRefusedNamingTheLimit() {
        Generation generation = LaminaCompiler.generate(
                List.of(stack(ModelGenerator.MAX_LAYERS + 1)), "dev.lamina.generated.large", Backend.SCALAR);
        assertThat(generation.sources()).isEmpty();
        assertThat(generation.diagnostics()).hasSize(1);
        assertThat(generation.diagnostics().get(0).code()).isEqualTo(ErrorCode.GENERATION_UNSUPPORTED);
        assertThat(generation.diagnostics().get(0).message())
                .isEqualTo("no class can be generated: model 'Deep' has 1001 layers; a generated class holds at most"
                        + " 1000 (the class-file format allows 65,535 constants per class)");
    }
}
