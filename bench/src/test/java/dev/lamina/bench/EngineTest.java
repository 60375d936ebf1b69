package dev.lamina.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.compiler.codegen.Backend;
import dev.lamina.runtime.Model;
import org.junit.jupiter.api.Test;

class EngineTest {
    @Test
    void keysNameEveryEngine() {
        assertThat(Engine.of("generated")).isEqualTo(Engine.GENERATED);
        assertThat(Engine.of("vector")).isEqualTo(Engine.VECTOR);
        assertThat(Engine.of("interpreter")).isEqualTo(Engine.INTERPRETER);
        assertThatThrownBy(() -> Engine.of("scalar"))
                .hasMessage("unknown engine 'scalar'; the benchmarks have [generated, vector, interpreter]");
    }

    @Test
    void generatedAndInterpretedToysStartFromTheSameWeightsAndAgree() {
        Model generated = Engine.GENERATED.create(BenchModel.TOY.spec(), 7);
        Model interpreted = Engine.INTERPRETER.create(BenchModel.TOY.spec(), 7);
        float[] x = {0.5f, -1f, 0.25f, 2f};

        assertThat(generated.parameters().get(0).value())
                .containsExactly(interpreted.parameters().get(0).value());
        assertThat(generated.predict(x, 1)).containsExactly(interpreted.predict(x, 1), within(1e-6f));
    }

    @Test
    void vectorEngineOnAJvmThatCannotRunItFailsWithTheBackendsReasonAlone() {
        String reason = Backend.VECTOR.unavailableReason();
        assumeTrue(reason != null, "this JVM runs vector code; VectorEngineSmokeTest covers it");

        assertThat(Engine.VECTOR.unavailableReason()).isEqualTo(reason);
        assertThatThrownBy(() -> Engine.VECTOR.create(BenchModel.TOY.spec(), 7))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("engine vector cannot run here: " + reason)
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }
}
