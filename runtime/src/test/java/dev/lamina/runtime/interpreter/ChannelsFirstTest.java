package dev.lamina.runtime.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.math.Layouts;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * channels_first conv1d and pooling in the interpreter: shapes, a hand-computed output, and every
 * value equal (exactly) to the channels_last layer on the transposed input.
 */
class ChannelsFirstTest {
    private static final DataFormat CF = DataFormat.CHANNELS_FIRST;

    @Test
    void shapesReadTheStepsFromTheLastAxis() {
        LayerSpec.Conv1D conv = new LayerSpec.Conv1D("c", 4, 3, 2, Padding.SAME, 1, true, Activation.LINEAR, CF);
        assertThat(conv.outputShape(Shape.of(3, 16))).isEqualTo(Shape.of(4, 8));
        assertThat(conv.outputShape(Shape.of(3, Shape.UNKNOWN))).isEqualTo(Shape.of(4, Shape.UNKNOWN));
        assertThat(conv.parameterCount(Shape.of(3, 16))).isEqualTo(3 * 3 * 4 + 4);
        assertThat(new LayerSpec.Pooling1D("p", PoolKind.MAX, 3, 3, Padding.VALID, CF).outputShape(Shape.of(5, 10)))
                .isEqualTo(Shape.of(5, 3));
        assertThat(new LayerSpec.GlobalPooling1D("g", PoolKind.AVERAGE, CF).outputShape(Shape.of(5, 10)))
                .isEqualTo(Shape.of(5));
        assertThat(conv.channelsLast())
                .isEqualTo(new LayerSpec.Conv1D("c", 4, 3, 2, Padding.SAME, 1, true, Activation.LINEAR));
        assertThatThrownBy(() -> new LayerSpec.Conv1D("c", 4, 3, 2, Padding.SAME, 1, true, Activation.SOFTMAX, CF))
                .hasMessage("c (conv1d): softmax on a channels_first conv1d would normalize over the steps (Keras's"
                        + " last axis); use an activation layer after it");
    }

    /** Channels [1, 2, 3] and [4, 5, 6]; taps: channel 0 at step t, channel 1 at step t + 1. */
    @Test
    void convolvesTheStepsOfEachChannelRow() {
        ModelSpec spec = ModelSpec.sequential(
                "m",
                new InputSpec(Shape.of(2, 3), false),
                List.of(new LayerSpec.Conv1D("c", 1, 2, 1, Padding.VALID, 1, false, Activation.LINEAR, CF)),
                Optional.empty());
        Interpreter model = new Interpreter(spec, 0);
        model.parameter("c/kernel").set(new float[] {1, 0, 0, 1});
        assertThat(model.outputShape()).isEqualTo(Shape.of(1, 2));
        assertThat(model.predict(new float[] {1, 2, 3, 4, 5, 6}, 1)).containsExactly(1 + 5, 2 + 6);
    }

    static List<LayerSpec.SequenceLayer> layers() {
        return List.of(
                new LayerSpec.Conv1D("c", 4, 3, 1, Padding.SAME, 1, true, Activation.TANH, CF),
                new LayerSpec.Conv1D("c", 2, 2, 2, Padding.VALID, 1, false, Activation.RELU, CF),
                new LayerSpec.Conv1D("c", 3, 3, 1, Padding.CAUSAL, 2, true, Activation.GELU, CF),
                new LayerSpec.Pooling1D("p", PoolKind.MAX, 3, 2, Padding.SAME, CF),
                new LayerSpec.Pooling1D("p", PoolKind.AVERAGE, 2, 1, Padding.VALID, CF),
                new LayerSpec.GlobalPooling1D("g", PoolKind.MAX, CF),
                new LayerSpec.GlobalPooling1D("g", PoolKind.AVERAGE, CF));
    }

    @ParameterizedTest
    @MethodSource("layers")
    void equalsTheChannelsLastLayerOnTheTransposedInput(LayerSpec.SequenceLayer layer) {
        int batch = 2;
        int channels = 3;
        int steps = 9;
        Interpreter first = model(layer, Shape.of(channels, steps));
        Interpreter last = model(layer.channelsLast(), Shape.of(steps, channels));
        SplittableRandom random = new SplittableRandom(5);
        float[] x = values(random, batch * channels * steps);
        float[] xLast = new float[x.length];
        Layouts.transpose(x, xLast, batch, channels, steps);
        Shape out = first.outputShape();
        float[] target = values(random, batch * out.size());
        float[] targetLast = target.clone();
        if (out.rank() == 2) {
            Layouts.transpose(target, targetLast, batch, out.dim(0), out.dim(1));
        }

        float[] y = first.predict(x, batch);
        float[] yLast = last.predict(xLast, batch);
        assertThat(y).containsExactly(transposedBack(yLast, batch, out));
        assertThat(first.computeGradients(new float[][] {x}, target, batch))
                .isEqualTo(last.computeGradients(new float[][] {xLast}, targetLast, batch));
        for (int i = 0; i < first.parameters().size(); i++) {
            Parameter p = first.parameters().get(i);
            assertThat(p.key()).isEqualTo(last.parameters().get(i).key());
            assertThat(p.gradient()).containsExactly(last.parameters().get(i).gradient());
        }
        float[] dx = new float[x.length];
        Layouts.transpose(last.inputGradient(0), dx, batch, steps, channels);
        assertThat(first.inputGradient(0)).containsExactly(dx);
    }

    private static float[] transposedBack(float[] channelsLast, int batch, Shape channelsFirst) {
        if (channelsFirst.rank() != 2) {
            return channelsLast;
        }
        float[] back = new float[channelsLast.length];
        Layouts.transpose(channelsLast, back, batch, channelsFirst.dim(1), channelsFirst.dim(0));
        return back;
    }

    private static Interpreter model(LayerSpec layer, Shape input) {
        Interpreter model = new Interpreter(
                ModelSpec.sequential("m", new InputSpec(input, false), List.of(layer), Optional.empty()), 3);
        model.setLoss(Loss.of(LossKind.MSE));
        return model;
    }

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }
}
