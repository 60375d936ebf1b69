package dev.lamina.runtime.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizerStateTest {
    static Stream<OptimizerSpec> specs() {
        return Stream.of(
                new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-7),
                new OptimizerSpec.Sgd(0.1, 0.9, true),
                new OptimizerSpec.RmsProp(0.01, 0.9, 1e-7));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aRestoredOptimizerContinuesBitForBitLikeTheOriginal(OptimizerSpec spec) {
        List<Parameter> original = parameters();
        Optimizer running = Optimizer.of(spec);
        for (int step = 0; step < 3; step++) {
            step(running, original, step);
        }
        OptimizerState saved = running.state(original);
        assertThat(saved.iterations()).isEqualTo(3);

        List<Parameter> copy = parameters();
        for (int k = 0; k < copy.size(); k++) {
            copy.get(k).set(original.get(k).value());
        }
        Optimizer resumed = Optimizer.of(spec);
        resumed.restore(saved, copy);
        assertThat(resumed.iterations()).isEqualTo(3);
        for (int step = 3; step < 6; step++) {
            step(running, original, step);
            step(resumed, copy, step);
        }
        for (int k = 0; k < copy.size(); k++) {
            assertThat(copy.get(k).value()).containsExactly(original.get(k).value());
        }
        assertThat(resumed.state(copy).values().get("dense/kernel")[0])
                .containsExactly(running.state(original).values().get("dense/kernel")[0]);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void theStateIsACopy(OptimizerSpec spec) {
        List<Parameter> parameters = parameters();
        Optimizer optimizer = Optimizer.of(spec);
        step(optimizer, parameters, 0);
        OptimizerState state = optimizer.state(parameters);
        float before = state.values().get("dense/bias")[0][1];
        step(optimizer, parameters, 1);
        assertThat(state.values().get("dense/bias")[0][1]).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aFreshOptimizerHasZeroState(OptimizerSpec spec) {
        OptimizerState state = Optimizer.of(spec).state(parameters());
        assertThat(state.iterations()).isZero();
        assertThat(state.values().keySet()).containsExactly("dense/kernel", "dense/bias");
        assertThat(state.values().get("dense/kernel")[0]).containsOnly(0f).hasSize(6);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aStateOfAnotherShapeIsRefusedAndChangesNothing(OptimizerSpec spec) {
        List<Parameter> parameters = parameters();
        Optimizer optimizer = Optimizer.of(spec);
        step(optimizer, parameters, 0);
        OptimizerState good = optimizer.state(parameters);
        int slots = good.slots().size();
        OptimizerState shortKernel = new OptimizerState(
                7, good.slots(), Map.of("dense/kernel", new float[slots][5], "dense/bias", new float[slots][2]));
        assertThatThrownBy(() -> optimizer.restore(shortKernel, parameters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the state of dense/kernel has 5 values per slot; the parameter has 6");
        OptimizerState missing = new OptimizerState(7, good.slots(), Map.of("dense/kernel", new float[slots][6]));
        assertThatThrownBy(() -> optimizer.restore(missing, parameters))
                .hasMessage("the state has nothing for dense/bias");
        OptimizerState otherSlots = new OptimizerState(7, List.of("x", "y", "z"), Map.of());
        assertThatThrownBy(() -> optimizer.restore(otherSlots, parameters))
                .hasMessageStartingWith("the state has slots [x, y, z]; this optimizer keeps ");
        assertThat(optimizer.iterations()).isEqualTo(1);
        assertThat(optimizer.state(parameters).values().get("dense/kernel")[0])
                .containsExactly(good.values().get("dense/kernel")[0]);
    }

    private static List<Parameter> parameters() {
        Parameter kernel = new Parameter("dense", "kernel", Shape.of(3, 2), Initializer.GLOROT_UNIFORM);
        Parameter bias = new Parameter("dense", "bias", Shape.of(2), Initializer.ZEROS);
        kernel.set(new float[] {0.5f, -0.25f, 0.125f, 1f, -1f, 0.75f});
        return List.of(kernel, bias);
    }

    /** Gradients that change from step to step, the same for every parameter list. */
    private static void step(Optimizer optimizer, List<Parameter> parameters, int step) {
        for (Parameter p : parameters) {
            float[] g = p.gradient();
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) Math.sin(step * 7 + i + p.size()) * 0.3f;
            }
        }
        optimizer.step(parameters);
    }
}
