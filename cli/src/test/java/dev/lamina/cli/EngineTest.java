package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.ModelSpec;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both engines start from the same weights for the same seed. */
class EngineTest {
    @ParameterizedTest
    @ValueSource(strings = {"toy.lamina", "two_channels.lamina", "activity_cnn.lamina"})
    void theSameSeedGivesTheSameInitialWeights(String sample) {
        ModelSpec spec = LaminaCompiler.compile(Path.of("..", "samples", "models", sample))
                .models()
                .get(0)
                .spec();
        Model generated = Engine.GENERATED.create(spec, 42, Backend.SCALAR);
        Model interpreted = Engine.INTERPRETER.create(spec, 42, Backend.SCALAR);

        assertThat(generated).isNotInstanceOf(Interpreter.class);
        assertThat(generated.getClass().getName()).isEqualTo("lamina.generated." + spec.name());
        assertThat(interpreted).isInstanceOf(Interpreter.class);
        assertThat(generated.parameters()).hasSameSizeAs(interpreted.parameters());
        for (int i = 0; i < generated.parameters().size(); i++) {
            Parameter g = generated.parameters().get(i);
            Parameter r = interpreted.parameters().get(i);
            assertThat(g.key()).isEqualTo(r.key());
            assertThat(g.shape()).isEqualTo(r.shape());
            assertThat(g.value()).containsExactly(r.value());
        }
        float[] first = generated.parameters().get(0).value();
        assertThat(Engine.GENERATED
                        .create(spec, 43, Backend.SCALAR)
                        .parameters()
                        .get(0)
                        .value())
                .isNotEqualTo(first);
    }
}
