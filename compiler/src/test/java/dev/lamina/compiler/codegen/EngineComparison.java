package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.javac.GeneratedModels;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.optim.Optimizer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that two engines behave alike on a {@link DifferentialModel} (a random stack or graph): the same initial weights for the
 * same seed (exactly), then outputs, loss, training outputs, every parameter gradient, the input
 * gradient, and the losses and parameters over a few optimizer steps.
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
final class EngineComparison {
    private static final double TOLERANCE = 1e-5;
    /** The smallest unit of comparison: the magnitude of a typical term (see the class Javadoc). */
    private static final double TERM_SCALE = 1e-2;

    private static final int TRAINING_STEPS = 3;
    static final long SEED = 7;

    private final String referenceName;
    private final String candidateName;

    /** A comparison whose messages call the engines {@code referenceName} and {@code candidateName}. */
    EngineComparison(String referenceName, String candidateName) {
        this.referenceName = referenceName;
        this.candidateName = candidateName;
    }

    /** Asserts that {@code candidate} behaves like {@code reference} on the stack's data. */
    void assertSameBehaviour(DifferentialModel stack, Model reference, Model candidate) {
        assertThat(candidate.spec()).isEqualTo(stack.spec());
        assertThat(keys(candidate)).isEqualTo(keys(reference));
        for (Parameter p : reference.parameters()) {
            assertThat(candidate.parameter(p.key()).value())
                    .as("initial %s", p.key())
                    .containsExactly(p.value());
        }

        float[][] x = stack.inputs();
        float[] target = stack.targets();
        int batch = stack.batch();
        assertClose("forward output", candidate.predict(x, batch), reference.predict(x, batch));

        for (Model m : List.of(reference, candidate)) {
            m.setLoss(Loss.of(stack.training().loss()));
            m.setOptimizer(Optimizer.of(stack.training().optimizer()));
            m.setDropoutInTraining(false);
        }
        assertClose("loss", new float[] {candidate.computeGradients(x, target, batch)}, new float[] {
            reference.computeGradients(x, target, batch)
        });
        assertClose("training output", candidate.trainingOutput(), reference.trainingOutput());
        for (Parameter p : reference.parameters()) {
            assertClose("gradient of " + p.key(), candidate.parameter(p.key()).gradient(), p.gradient());
        }
        for (int i = 0; i < x.length; i++) {
            if (!stack.spec().inputs().get(i).integerIds()) {
                assertClose("gradient of input " + i, candidate.inputGradient(i), reference.inputGradient(i));
            }
        }

        for (int step = 0; step < TRAINING_STEPS; step++) {
            assertClose(
                    "loss of training step " + step,
                    new float[] {candidate.trainStep(x, target, batch)},
                    new float[] {reference.trainStep(x, target, batch)},
                    (step + 1) * TOLERANCE);
        }
        for (Parameter p : reference.parameters()) {
            assertClose(
                    p.key() + " after " + TRAINING_STEPS + " steps",
                    candidate.parameter(p.key()).value(),
                    p.value(),
                    TRAINING_STEPS * TOLERANCE);
        }
    }

    /**
     * The stack's model generated by {@code backend} and compiled against the runtime alone (all
     * generated code needs), which keeps javac from opening every jar of the test class path on
     * each try.
     */
    static Model compile(DifferentialModel stack, Backend backend) {
        GeneratedModel model = new ModelGenerator("dev.lamina.generated.differential", backend).generate(stack.spec());
        InMemoryJavaCompiler javac =
                InMemoryJavaCompiler.forBackend(backend, runtimeLocation(), EngineComparison.class.getClassLoader());
        InMemoryJavaCompiler.Result result = javac.compile(model.qualifiedName(), model.source());
        return GeneratedModels.newInstance(result.load(model.qualifiedName()), SEED);
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

    private void assertClose(String what, float[] actual, float[] expected) {
        assertClose(what, actual, expected, TOLERANCE);
    }

    /** Asserts the tolerance of the class Javadoc element by element, listing the first misses. */
    private void assertClose(String what, float[] actual, float[] expected, double tolerance) {
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
                misses.add("[" + i + "] " + candidateName + " " + a + " vs " + referenceName + " " + e);
            }
        }
        assertThat(misses)
                .as(
                        "%s (%d values, largest magnitude %s): values off by more than %s of max(|a|, |b|, %s, %s)",
                        what, expected.length, scale, tolerance, scale, TERM_SCALE)
                .isEmpty();
    }
}
