package dev.lamina.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The facade end to end: samples, Keras defaults and names, derivations, lowering. */
class LaminaCompilerTest {
    private static CheckedModel single(String text) {
        Compilation c = LaminaCompiler.compile("t.lamina", text);
        assertThat(c.diagnostics()).as(c.render()).isEmpty();
        assertThat(c.models()).hasSize(1);
        return c.models().get(0);
    }

    @Test
    void activityCnnHas519164Parameters() {
        Compilation c = LaminaCompiler.compile(Path.of("..", "samples", "models", "activity_cnn.lamina"));
        assertThat(c.diagnostics()).isEmpty();
        CheckedModel model = c.models().get(0);
        assertThat(model.name()).isEqualTo("ActivityCnn");
        assertThat(model.totalParams()).isEqualTo(519_164);
        assertThat(model.layers().stream().map(CheckedLayer::name))
                .containsExactly(
                        "conv1d",
                        "conv1d_1",
                        "max_pooling1d",
                        "conv1d_2",
                        "conv1d_3",
                        "global_average_pooling1d",
                        "dropout",
                        "dense");
        assertThat(model.layers().stream().map(CheckedLayer::output))
                .containsExactly(
                        Shape.of(502, 100),
                        Shape.of(493, 100),
                        Shape.of(164, 100),
                        Shape.of(155, 160),
                        Shape.of(146, 160),
                        Shape.of(160),
                        Shape.of(160),
                        Shape.of(4));
        assertThat(model.layers().stream().map(CheckedLayer::params))
                .containsExactly(2100L, 100100L, 0L, 160160L, 256160L, 0L, 0L, 644L);
        assertThat(model.spec().training())
                .contains(new TrainingSpec(
                        LossKind.CATEGORICAL_CROSSENTROPY, new OptimizerSpec.Adam(0.001, 0.9, 0.999, 1e-7)));
    }

    @Test
    void sameStrideTwoTurns128StepsInto64AndSaysWhy() {
        CheckedModel model = single("model M { input [128, 1] conv1d(32, 5, strides=2, padding=same) }");
        CheckedLayer conv = model.layers().get(0);
        assertThat(conv.output()).isEqualTo(Shape.of(64, 32));
        assertThat(conv.params()).isEqualTo(192);
        assertThat(conv.derivation())
                .containsExactly(
                        "steps: ceil(128 / 2) = 64 (padding=same, strides=2)",
                        "same padding: max((64 - 1)*2 + 5 - 128, 0) = 3 zeros, 1 on the left and 2 on the right",
                        "channels: filters = 32",
                        "params: kernel_size*channels*filters + filters = 5*1*32 + 32 = 192");
    }

    @Test
    void validConvolutionOf128x9With100FiltersOfTen() {
        CheckedLayer conv = single("model M { input [128, 9] conv1d(100, 10, activation=relu) }")
                .layers()
                .get(0);
        assertThat(conv.output()).isEqualTo(Shape.of(119, 100));
        assertThat(conv.params()).isEqualTo(9100);
        assertThat(conv.derivation())
                .containsExactly(
                        "steps: floor((128 - 10) / 1) + 1 = 119 (padding=valid, kernel_size=10, strides=1)",
                        "channels: filters = 100",
                        "params: kernel_size*channels*filters + filters = 10*9*100 + 100 = 9100");
    }

    @Test
    void channelsFirstReadsChannelsThenStepsAndSaysSo() {
        CheckedModel model = single(
                "model M { input [3, 16] conv1d(4, 2, data_format=channels_first)"
                        + " max_pooling1d(3, data_format=channels_first) global_average_pooling1d(data_format=channels_first) }");
        assertThat(model.layers().stream().map(CheckedLayer::output))
                .containsExactly(Shape.of(4, 15), Shape.of(4, 5), Shape.of(4));
        assertThat(model.layers().get(0).params()).isEqualTo(28);
        assertThat(model.layers().get(0).derivation())
                .containsExactly(
                        "layout: data_format=channels_first, input (channels, steps) = (3, 16), output (filters, steps)"
                                + " = (4, 15)",
                        "steps: floor((16 - 2) / 1) + 1 = 15 (padding=valid, kernel_size=2, strides=1)",
                        "channels: filters = 4",
                        "params: kernel_size*channels*filters + filters = 2*3*4 + 4 = 28");
        assertThat(model.layers().get(1).derivation())
                .containsExactly(
                        "layout: data_format=channels_first, input (channels, steps) = (4, 15), output (channels, steps)"
                                + " = (4, 5)",
                        "steps: floor((15 - 3) / 3) + 1 = 5 (padding=valid, pool_size=3, strides=3)",
                        "channels: unchanged = 4",
                        "params: 0 (pooling has no weights)");
        assertThat(model.layers().get(2).derivation())
                .containsExactly(
                        "layout: data_format=channels_first, input (channels, steps) = (4, 5)",
                        "output: (channels, steps) -> (channels) = (4,) (average over 5 steps)",
                        "params: 0 (pooling has no weights)");
        assertThat(model.spec().layers().get(0))
                .isEqualTo(new LayerSpec.Conv1D(
                        "conv1d", 4, 2, 1, Padding.VALID, 1, true, Activation.LINEAR, DataFormat.CHANNELS_FIRST));
    }

    @Test
    void dilatedCausalAndVariableLengthDerivations() {
        CheckedModel model = single("model M { input [None, 4] conv1d(2, 3, padding=causal, dilation_rate=2,"
                + " use_bias=false) global_max_pooling1d dense(3, activation=softmax) }");
        assertThat(model.layers().get(0).derivation())
                .containsExactly(
                        "effective kernel: (kernel_size - 1)*dilation_rate + 1 = (3 - 1)*2 + 1 = 5",
                        "steps: None (variable length, known at run time)",
                        "channels: filters = 2",
                        "params: kernel_size*channels*filters = 3*4*2 = 24 (use_bias=false)");
        assertThat(model.layers().get(1).output()).isEqualTo(Shape.of(2));
        assertThat(model.layers().get(2).derivation())
                .containsExactly(
                        "output: last axis 2 -> units 3 = (3,)", "params: in_features*units + units = 2*3 + 3 = 9");
        CheckedModel causal = single("model M { input [10, 1] conv1d(1, 3, padding=causal, dilation_rate=2) }");
        assertThat(causal.layers().get(0).derivation().get(1))
                .isEqualTo("steps: ceil(10 / 1) = 10 (padding=causal: 4 zeros on the left, strides=1)");
    }

    @Test
    void kerasDefaultsAndNamesAreFilledIn() {
        CheckedModel model = single("model M { input [20, 2] conv1d(4, 3) max_pooling1d conv1d(4, 3, name=second)"
                + " conv1d(4, 1) average_pooling1d(3, padding=same) flatten dense(2) dense(1, use_bias=false) }");
        assertThat(model.spec().layers())
                .containsExactly(
                        new LayerSpec.Conv1D("conv1d", 4, 3, 1, Padding.VALID, 1, true, Activation.LINEAR),
                        new LayerSpec.Pooling1D("max_pooling1d", PoolKind.MAX, 2, 2, Padding.VALID),
                        new LayerSpec.Conv1D("second", 4, 3, 1, Padding.VALID, 1, true, Activation.LINEAR),
                        new LayerSpec.Conv1D("conv1d_1", 4, 1, 1, Padding.VALID, 1, true, Activation.LINEAR),
                        new LayerSpec.Pooling1D("average_pooling1d", PoolKind.AVERAGE, 3, 3, Padding.SAME),
                        new LayerSpec.Flatten("flatten"),
                        new LayerSpec.Dense("dense", 2, true, Activation.LINEAR),
                        new LayerSpec.Dense("dense_1", 1, false, Activation.LINEAR));
        assertThat(model.spec().inputs()).containsExactly(new InputSpec("input", Shape.of(20, 2), false));
        assertThat(model.spec().training()).isEqualTo(Optional.empty());
    }

    @Test
    void optimizerDefaultsAreKeras() {
        assertThat(single("model M { input [2] dense(1) train { loss mse; optimizer sgd } }")
                        .spec()
                        .training())
                .contains(new TrainingSpec(LossKind.MSE, new OptimizerSpec.Sgd(0.01, 0, false)));
        assertThat(single("model M { input [2] dense(1) train { loss mae; optimizer rmsprop } }")
                        .spec()
                        .training())
                .contains(new TrainingSpec(LossKind.MAE, new OptimizerSpec.RmsProp(0.001, 0.9, 1e-7)));
    }

    @Test
    void everySampleCompilesAndTheSeedRankErrorIsCaught() {
        for (String sample : List.of("activity_cnn", "toy", "two_channels", "two_filters", "text_cnn")) {
            Compilation c = LaminaCompiler.compile(Path.of("..", "samples", "models", sample + ".lamina"));
            assertThat(c.hasErrors()).as(c.render()).isFalse();
        }
        Compilation error = LaminaCompiler.compile(Path.of("..", "samples", "errors", "rank_error.lamina"));
        assertThat(error.diagnostics()).hasSize(1);
        assertThat(error.diagnostics().get(0).code().id()).isEqualTo("LAM020");
        assertThat(error.models()).isEmpty();
    }
}
