package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.optim.Optimizer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random valid stacks ({@link RandomStack}: conv1d with every padding, stride and dilation,
 * pooling, global pooling, flatten, dense, activations, dropout (off), repeat_vector, reshape,
 * embedding on token ids; every loss and optimizer) give the same results from the interpreter and
 * from generated code: the same initial weights for the same seed (exactly), then outputs, loss,
 * training outputs, every parameter gradient, the input gradient, and the losses and parameters
 * over a few optimizer steps.
 *
 * <p>Tolerance: {@code |a - b| <= 1e-5 * max(|a|, |b|, scale, 1e-2)}, where {@code scale} is the
 * largest magnitude in the interpreter's tensor. The engines add the same terms in different
 * orders (the generated code folds channels, filters and output steps into one pass; the
 * interpreter goes term by term), and the float rounding of a sum is bounded by its terms'
 * magnitudes, not by the result's: where terms cancel to a value near zero, a purely relative
 * 1e-5 would demand more digits than either engine has. Two units of comparison cover that: the
 * tensor's own largest magnitude, and a floor of 1e-2, which makes the smallest allowed
 * difference 1e-7, about one float ulp at magnitude 1 (2^-23): the terms here are at most O(1)
 * (inputs in [-1, 1], Glorot weights, activations, and per-value loss gradients of at most ~1),
 * and a cancelled sum keeps rounding noise of a few ulps of its largest terms. The floor matters
 * where a whole tensor cancels: after a softmax with crossentropy each row of output gradients
 * sums to zero, so the bias gradient of a layer feeding that row is a sum of terms of ~0.25 that
 * ends near 5e-4, where the engines differ by 1.5e-8 (one ulp of the terms) — relative 3e-5 of
 * the result. Everywhere else the criterion is the plain relative 1e-5 of the issue.
 *
 * <p>After {@code n} optimizer steps (losses and parameters of the trajectory) the bound is {@code
 * n x 1e-5}: each update carries the relative error of its gradient (Adam and RMSProp divide by
 * the gradient's own magnitude, so a gradient that cancelled passes its relative error on in
 * full), and those errors add up over the steps. That is still 30x tighter than the reference
 * suite's trajectory tolerance (rtol 1e-3).
 */
class InterpreterDifferentialTest {
    private static final double TOLERANCE = 1e-5;
    /** The smallest unit of comparison: the magnitude of a typical term (see the class Javadoc). */
    private static final double TERM_SCALE = 1e-2;

    private static final int TRAINING_STEPS = 3;
    private static final long SEED = 7;

    @Provide
    Arbitrary<RandomStack> stacks() {
        Arbitrary<Integer> gene = Arbitraries.integers().between(0, 999);
        return Combinators.combine(
                        gene.list().ofSize(4),
                        gene.list().ofSize(6).list().ofMinSize(1).ofMaxSize(4),
                        gene.list().ofSize(4),
                        Arbitraries.longs())
                .as(RandomStack::build);
    }

    @Property(tries = 200, seed = "20261124") // fixed: CI runs the same stacks every time
    void generatedCodeMatchesTheInterpreter(@ForAll("stacks") RandomStack stack) {
        Model interpreter = new Interpreter(stack.spec(), SEED);
        Model generated = compile(stack);
        assertThat(generated.spec()).isEqualTo(stack.spec());
        assertThat(keys(generated)).isEqualTo(keys(interpreter));
        for (Parameter p : interpreter.parameters()) {
            assertThat(generated.parameter(p.key()).value())
                    .as("initial %s", p.key())
                    .containsExactly(p.value());
        }

        float[] x = stack.inputs();
        float[] target = stack.targets();
        int batch = stack.batch();
        assertClose("forward output", generated.predict(x, batch), interpreter.predict(x, batch));

        for (Model m : List.of(interpreter, generated)) {
            m.setLoss(Loss.of(stack.training().loss()));
            m.setOptimizer(Optimizer.of(stack.training().optimizer()));
            m.setDropoutInTraining(false);
        }
        assertClose("loss", new float[] {generated.computeGradients(x, target, batch)}, new float[] {
            interpreter.computeGradients(x, target, batch)
        });
        assertClose("training output", generated.trainingOutput(), interpreter.trainingOutput());
        for (Parameter p : interpreter.parameters()) {
            assertClose("gradient of " + p.key(), generated.parameter(p.key()).gradient(), p.gradient());
        }
        if (!stack.spec().input().integerIds()) {
            assertClose("input gradient", generated.inputGradient(), interpreter.inputGradient());
        }

        for (int step = 0; step < TRAINING_STEPS; step++) {
            assertClose(
                    "loss of training step " + step,
                    new float[] {generated.trainStep(x, target, batch)},
                    new float[] {interpreter.trainStep(x, target, batch)},
                    (step + 1) * TOLERANCE);
        }
        for (Parameter p : interpreter.parameters()) {
            assertClose(
                    p.key() + " after " + TRAINING_STEPS + " steps",
                    generated.parameter(p.key()).value(),
                    p.value(),
                    TRAINING_STEPS * TOLERANCE);
        }
    }

    /**
     * Compiles against the runtime alone (all generated code needs), which keeps javac from
     * opening every jar of the test class path on each try.
     */
    private static final InMemoryJavaCompiler JAVAC =
            new InMemoryJavaCompiler(runtimeLocation(), InterpreterDifferentialTest.class.getClassLoader());

    private static void assertClose(String what, float[] actual, float[] expected) {
        assertClose(what, actual, expected, TOLERANCE);
    }

    private static Model compile(RandomStack stack) {
        GeneratedModel model = new ModelGenerator("dev.lamina.generated.differential").generate(stack.spec());
        InMemoryJavaCompiler.Result result = JAVAC.compile(model.qualifiedName(), model.source());
        return CompiledGoldenModels.instantiate(result.load(model.qualifiedName()), SEED);
    }

    private static String runtimeLocation() {
        try {
            return Path.of(Model.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the runtime classes", e);
        }
    }

    private static List<String> keys(Model model) {
        return model.parameters().stream().map(Parameter::key).toList();
    }

    /** Asserts the tolerance of the class Javadoc element by element, listing the first misses. */
    private static void assertClose(String what, float[] actual, float[] expected, double tolerance) {
        assertThat(actual).as("%s: length", what).hasSameSizeAs(expected);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            double a = actual[i];
            double e = expected[i];
            double unit = Math.max(Math.max(scale, TERM_SCALE), Math.max(Math.abs(a), Math.abs(e)));
            if (!(Math.abs(a - e) <= tolerance * unit) && misses.size() < 5) {
                misses.add("[" + i + "] generated " + a + " vs interpreter " + e);
            }
        }
        assertThat(misses)
                .as(
                        "%s (%d values, largest magnitude %s): values off by more than %s of max(|a|, |b|, %s, %s)",
                        what, expected.length, scale, tolerance, scale, TERM_SCALE)
                .isEmpty();
    }
}
