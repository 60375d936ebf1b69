package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.golden.GoldenCase;
import dev.lamina.runtime.golden.Tensor;
import dev.lamina.runtime.golden.Tolerance;
import dev.lamina.runtime.optim.Optimizer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole golden suite through scalar generated code: forward, loss, gradients and training.
 * {@link VectorGoldenTest} runs the same checks through the vector backend.
 */
class GeneratedGoldenTest {

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseThroughGeneratedCode() {
        return everyCase(Backend.SCALAR, "generated");
    }

    /** One dynamic test per golden case, named {@code <case> (<label>)}. */
    static Stream<DynamicTest> everyCase(Backend backend, String label) {
        CompiledGoldenModels models = CompiledGoldenModels.get(backend);
        assertThat(models.cases).isNotEmpty();
        return models.cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name() + " (" + label + ")", () -> {
                    assumeTrue(
                            c.unsupported().isEmpty(),
                            () -> "needs " + c.unsupported().get() + ", which Lamina lacks");
                    check(models, c);
                }));
    }

    private static void check(CompiledGoldenModels models, GoldenCase c) {
        Model model = models.newModel(c, 1);
        assertThat(model.spec()).isEqualTo(c.model());
        load(model, c.params());
        float[][] x = c.inputs();
        int batch = c.batch();

        float[] y = model.predict(x, batch);
        assertClose("forward y", y, c.y(), c.tolerance());

        model.setLoss(c.loss());
        model.setDropoutInTraining(false);
        float loss = model.computeGradients(x, c.lossTarget().floats(), batch);
        assertClose("loss", new float[] {loss}, new double[] {c.lossValue()}, c.tolerance());
        for (Map.Entry<String, Tensor> g : c.grads().entrySet()) {
            assertClose("gradient " + g.getKey(), model.parameter(g.getKey()).gradient(), g.getValue(), c.tolerance());
        }
        for (int i = 0; i < c.model().inputs().size(); i++) {
            Tensor expected = c.inputGrads().get(c.model().inputs().get(i).name());
            int input = i;
            if (expected != null) {
                assertClose("input gradient " + i, model.inputGradient(i), expected, c.tolerance());
            } else if (c.model().inputs().get(i).integerIds()) {
                assertThatThrownBy(() -> model.inputGradient(input)).isInstanceOf(UnsupportedOperationException.class);
            }
        }
        if (c.train().isPresent()) {
            train(models.newModel(c, 2), c);
        }
    }

    private static void train(Model model, GoldenCase c) {
        GoldenCase.Training t = c.train().get();
        load(model, c.params());
        model.setLoss(t.trainingLoss());
        model.setOptimizer(Optimizer.of(t.optimizer()));
        model.setDropoutInTraining(false);
        float[][] x = c.inputs();
        float[] target = c.lossTarget().floats();
        float[] losses = new float[t.steps()];
        for (int step = 0; step < t.steps(); step++) {
            losses[step] = model.trainStep(x, target, c.batch());
        }
        assertClose("training losses", losses, t.losses(), t.tolerance());
        for (Map.Entry<String, Tensor> p : t.paramsAfter().entrySet()) {
            assertClose(
                    "after training " + p.getKey(), model.parameter(p.getKey()).value(), p.getValue(), t.tolerance());
        }
    }

    private static void load(Model model, Map<String, Tensor> params) {
        assertThat(model.parameters()).extracting(Parameter::key).containsExactlyInAnyOrderElementsOf(params.keySet());
        params.forEach((key, value) -> model.parameter(key).set(value.floats()));
    }

    private static void assertClose(String what, float[] actual, Tensor expected, Tolerance tolerance) {
        assertClose(what, actual, expected.data(), tolerance);
    }

    private static void assertClose(String what, float[] actual, double[] expected, Tolerance tolerance) {
        if (actual.length != expected.length) {
            fail(what + ": " + actual.length + " values, expected " + expected.length);
        }
        int bad = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (!tolerance.matches(actual[i], expected[i])) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (bad > 0) {
            fail(what + ": " + bad + " of " + expected.length + " values off; first at " + first + ": " + actual[first]
                    + " vs expected " + expected[first] + " (" + tolerance + ")");
        }
    }
}
