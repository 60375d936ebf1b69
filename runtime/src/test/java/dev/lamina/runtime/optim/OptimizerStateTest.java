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

/** An optimizer restored from another's state continues exactly as the original does. */
class OptimizerStateTest {
    static Stream<OptimizerSpec> optimizers() {
        return Stream.of(
                new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-7),
                new OptimizerSpec.Sgd(0.1, 0.9, true),
                new OptimizerSpec.Sgd(0.1, 0, false),
                new OptimizerSpec.RmsProp(0.01, 0.9, 1e-7));
    }

    private static List<Parameter> parameters() {
        Parameter kernel = new Parameter("dense", "kernel", Shape.of(2, 3), Initializer.ZEROS);
        Parameter bias = new Parameter("dense", "bias", Shape.of(3), Initializer.ZEROS);
        kernel.set(new float[] {0.5f, -1, 2, 0.25f, 1, -0.75f});
        return List.of(kernel, bias);
    }

    /** A deterministic gradient for step {@code t}. */
    private static void gradients(List<Parameter> parameters, int t) {
        for (Parameter p : parameters) {
            for (int i = 0; i < p.size(); i++) {
                p.gradient()[i] = (float) Math.sin(t * 1.3 + i * 0.7 + p.size());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aRestoredOptimizerContinuesBitForBit(OptimizerSpec spec) {
        List<Parameter> original = parameters();
        Optimizer first = Optimizer.of(spec);
        for (int t = 0; t < 3; t++) {
            gradients(original, t);
            first.step(original);
        }
        List<Parameter> copy = parameters();
        for (int k = 0; k < copy.size(); k++) {
            copy.get(k).set(original.get(k).value());
        }
        Optimizer second = Optimizer.of(spec);
        second.restore(copy, first.state(original));
        assertThat(second.iterations()).isEqualTo(3);
        for (int t = 3; t < 6; t++) {
            gradients(original, t);
            gradients(copy, t);
            first.step(original);
            second.step(copy);
        }
        for (int k = 0; k < copy.size(); k++) {
            assertThat(copy.get(k).value()).containsExactly(original.get(k).value());
        }
        assertThat(second.state(copy).scalars()).isEqualTo(first.state(original).scalars());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void theStateNamesItsSlotsAndIsACopy(OptimizerSpec spec) {
        List<Parameter> parameters = parameters();
        Optimizer optimizer = Optimizer.of(spec);
        assertThat(optimizer.state(parameters).slots()).isEmpty();
        gradients(parameters, 0);
        optimizer.step(parameters);
        OptimizerState state = optimizer.state(parameters);
        List<String> slots =
                switch (state.optimizer()) {
                    case "adam" -> List.of("m", "v");
                    case "sgd" -> ((OptimizerSpec.Sgd) spec).momentum() == 0 ? List.of() : List.of("velocity");
                    default -> List.of("mean_square");
                };
        assertThat(state.slots().keySet())
                .containsExactlyElementsOf(Stream.of("dense/kernel", "dense/bias")
                        .flatMap(p -> slots.stream().map(s -> s + "/" + p))
                        .toList());
        state.slots().values().forEach(v -> v[0] = 1e9f);
        assertThat(optimizer.state(parameters).slots().values())
                .allSatisfy(v -> assertThat(v[0]).isNotEqualTo(1e9f));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void refusesTheStateOfAnotherOptimizerOrOtherParameters(OptimizerSpec spec) {
        List<Parameter> parameters = parameters();
        Optimizer optimizer = Optimizer.of(spec);
        String name = optimizer.state(parameters).optimizer();
        String other = name.equals("adam") ? "sgd" : "adam";
        assertThatThrownBy(() -> optimizer.restore(parameters, new OptimizerState(other, 1, Map.of(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the optimizer state is " + other + "'s; this optimizer is " + name);
        OptimizerState good = optimizer.state(parameters);
        String slot = name.equals("adam") ? "m" : name.equals("sgd") ? "velocity" : "mean_square";
        OptimizerState shortSlot =
                new OptimizerState(name, 1, good.scalars(), Map.of(slot + "/dense/bias", new float[2]));
        assertThatThrownBy(() -> optimizer.restore(parameters, shortSlot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer slot " + slot + "/dense/bias holds 2 values; parameter dense/bias has 3");
        OptimizerState unknown =
                new OptimizerState(name, 1, good.scalars(), Map.of(slot + "/conv/kernel", new float[2]));
        assertThatThrownBy(() -> optimizer.restore(parameters, unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer state has slots for no parameter of the model: [" + slot + "/conv/kernel]");
    }
}
