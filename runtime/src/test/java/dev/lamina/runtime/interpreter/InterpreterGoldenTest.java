package dev.lamina.runtime.interpreter;

import static dev.lamina.runtime.golden.GoldenAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.golden.GoldenCase;
import dev.lamina.runtime.golden.GoldenCases;
import dev.lamina.runtime.golden.Tensor;
import dev.lamina.runtime.optim.Optimizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every reference case through the interpreter: forward, loss, gradients and training steps. */
class InterpreterGoldenTest {
    @TestFactory
    Stream<DynamicTest> everyGoldenCase() {
        List<GoldenCase> cases = GoldenCases.all();
        assertThat(cases).isNotEmpty();
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name() + " (interpreter)", () -> {
                    assumeTrue(
                            c.unsupported().isEmpty(),
                            () -> "needs " + c.unsupported().get() + ", which Lamina lacks");
                    check(c);
                }));
    }

    /** An interpreter for the case's model holding the case's weights, dropout off. */
    static Interpreter load(GoldenCase c, Map<String, Tensor> params) {
        Interpreter model = new Interpreter(c.model(), 0);
        assertThat(model.parameters()).extracting(Parameter::key).containsExactlyInAnyOrderElementsOf(params.keySet());
        for (Map.Entry<String, Tensor> p : params.entrySet()) {
            assertThat(model.parameter(p.getKey()).shape().dims())
                    .as(p.getKey())
                    .containsExactly(p.getValue().shape());
            model.parameter(p.getKey()).set(p.getValue().floats());
        }
        model.setDropoutInTraining(false);
        return model;
    }

    private static void check(GoldenCase c) {
        float[][] x = c.inputs();
        int batch = c.batch();
        Interpreter model = load(c, c.params());
        assertClose("forward y", model.predict(x, batch), c.y(), c.tolerance());

        model.setLoss(c.loss());
        float loss = model.computeGradients(x, c.lossTarget().floats(), batch);
        assertClose("loss", loss, c.lossValue(), c.tolerance());
        for (Map.Entry<String, Tensor> g : c.grads().entrySet()) {
            assertClose("gradient " + g.getKey(), model.parameter(g.getKey()).gradient(), g.getValue(), c.tolerance());
        }
        for (int i = 0; i < c.model().inputs().size(); i++) {
            Tensor expected = c.inputGrads().get(c.model().inputs().get(i).name());
            if (expected != null) {
                assertClose("input gradient " + i, model.inputGradient(i), expected, c.tolerance());
            }
        }
        if (c.train().isPresent()) {
            checkTraining(c, c.train().get());
        }
    }

    private static void checkTraining(GoldenCase c, GoldenCase.Training train) {
        Model model = load(c, c.params());
        model.setLoss(train.trainingLoss());
        model.setOptimizer(Optimizer.of(train.optimizer()));
        float[][] x = c.inputs();
        float[] target = c.lossTarget().floats();
        for (int step = 0; step < train.steps(); step++) {
            float loss = model.trainStep(x, target, c.batch());
            assertClose("train loss before step " + (step + 1), loss, train.losses()[step], train.tolerance());
        }
        for (Map.Entry<String, Tensor> p : train.paramsAfter().entrySet()) {
            assertClose(
                    "after " + train.steps() + " steps, " + p.getKey(),
                    model.parameter(p.getKey()).value(),
                    p.getValue(),
                    train.tolerance());
        }
    }
}
