package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.javac.GeneratedModels;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;

/**
 * What every engine does with NaN, like Keras: relu and max pooling propagate it (a window holding
 * NaN has a NaN maximum), and in the backward pass a NaN unit of relu passes no gradient while a NaN
 * maximum takes its window's. Checked value by value against the interpreter for one backend.
 */
final class NanSemantics {
    private static final float NAN = Float.NaN;

    private final Backend backend;

    NanSemantics(Backend backend) {
        this.backend = backend;
    }

    void reluPropagatesNaN() {
        Model[] engines = engines(model("relu", Shape.of(4), new LayerSpec.ActivationLayer("a", Activation.RELU)));
        for (Model m : engines) {
            assertThat(m.predict(new float[] {NAN, -1, 2, -0f}, 1)).containsExactly(NAN, 0f, 2f, 0f);
            m.computeGradients(new float[] {NAN, -1, 2, 3}, new float[4], 1);
            assertThat(m.inputGradient()).containsExactly(0f, 0f, 1f, 1.5f);
        }
    }

    /** A dense layer wide enough for the vector kernels, with relu fused into them. */
    void fusedReluPropagatesNaN() {
        Model[] engines =
                engines(model("dense_relu", Shape.of(64), new LayerSpec.Dense("d", 32, true, Activation.RELU)));
        float[] x = new float[2 * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i);
        }
        x[64 + 5] = NAN; // the second example
        engines[1].parameter("d/kernel").set(engines[0].parameter("d/kernel").value());
        float[] reference = engines[0].predict(x, 2);
        float[] candidate = engines[1].predict(x, 2);
        for (int i = 0; i < 32; i++) {
            assertThat(candidate[i]).isFinite().isEqualTo(reference[i], org.assertj.core.api.Assertions.within(1e-5f));
            assertThat(candidate[32 + i]).isNaN();
            assertThat(reference[32 + i]).isNaN();
        }
    }

    void maxPoolingPropagatesNaN() {
        Model[] engines =
                engines(model("pool", Shape.of(6, 1), new LayerSpec.Pooling1D("p", PoolKind.MAX, 3, 3, Padding.VALID)));
        for (Model m : engines) {
            assertThat(m.predict(new float[] {NAN, 5, 1, 4, 0, NAN}, 1)).containsExactly(NAN, NAN);
            assertThat(m.predict(new float[] {1, 5, 2, 4, 0, 9}, 1)).containsExactly(5f, 9f);
            m.computeGradients(new float[] {1, NAN, 2, NAN, 0, NAN}, new float[2], 1);
            float[] dx = m.inputGradient();
            assertThat(dx[0]).isZero();
            assertThat(dx[1]).isNaN();
            assertThat(dx[2]).isZero();
            assertThat(dx[3]).isZero();
            assertThat(dx[4]).isZero();
            assertThat(dx[5]).isNaN(); // the last NaN of a window is its maximum
        }
    }

    void globalMaxPoolingPropagatesNaN() {
        Model[] engines =
                engines(model("global_pool", Shape.of(3, 2), new LayerSpec.GlobalPooling1D("g", PoolKind.MAX)));
        for (Model m : engines) {
            assertThat(m.predict(new float[] {1, NAN, 7, 2, NAN, 3}, 1)).containsExactly(NAN, NAN);
            assertThat(m.predict(new float[] {1, 4, 7, 2, 0, 3}, 1)).containsExactly(7f, 4f);
        }
    }

    private static ModelSpec model(String name, Shape input, LayerSpec layer) {
        return ModelSpec.sequential(name, new InputSpec(input, false), List.of(layer), Optional.empty());
    }

    /** The interpreter and generated code of this backend, with an mse loss. */
    private Model[] engines(ModelSpec spec) {
        GeneratedModel generated =
                new ModelGenerator("dev.lamina.generated.nan." + backend.optionName(), backend).generate(spec);
        InMemoryJavaCompiler.Result result =
                TestCompiler.create(backend).compile(generated.qualifiedName(), generated.source());
        Model[] engines = {
            new Interpreter(spec, 3), GeneratedModels.newInstance(result.load(generated.qualifiedName()), 3)
        };
        for (Model m : engines) {
            m.setLoss(Loss.of(LossKind.MSE));
        }
        return engines;
    }
}
