package dev.lamina.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * The options and shape rules of the normalization and reshaping layers, huber's delta and the
 * optimizers' clipping: what is accepted (Keras defaults resolved), and each rejection with its
 * position, the values involved and a hint.
 */
class NormalizationDiagnosticsTest {
    private static Compilation compile(String text) {
        return LaminaCompiler.compile("t.lamina", text);
    }

    /** A model with this input and these layer lines (layers start on line 3). */
    private static String model(String input, String... lines) {
        return "model M {\n  input " + input + "\n"
                + String.join(
                        "",
                        java.util.Arrays.stream(lines).map(l -> "  " + l + "\n").toList()) + "}\n";
    }

    private static Diagnostic only(String text) {
        Compilation compilation = compile(text);
        assertThat(compilation.diagnostics()).as(compilation.render()).hasSize(1);
        return compilation.diagnostics().get(0);
    }

    private static void assertDiagnostic(
            Diagnostic d, int line, int column, ErrorCode code, String message, String hint) {
        assertThat(d.code()).isEqualTo(code);
        assertThat(d.span().line()).isEqualTo(line);
        assertThat(d.span().column()).isEqualTo(column);
        assertThat(d.message()).isEqualTo(message);
        assertThat(d.hint()).isEqualTo(hint);
    }

    @Test
    void defaultsAndCountsOfTheNewLayers() {
        Compilation c = compile(model(
                "[20, 3]",
                "conv1d(6, 3, use_bias=false)",
                "batch_normalization",
                "zero_padding1d([2, 3])",
                "cropping1d(1)",
                "up_sampling1d",
                "spatial_dropout1d(0.1)",
                "permute([2, 1])",
                "layer_normalization(center=false)",
                "train { loss huber(delta=0.5); optimizer adamw(clipnorm=1.0) }"));
        assertThat(c.hasErrors()).as(c.render()).isFalse();
        var model = c.models().get(0);
        assertThat(model.spec().layers().get(1))
                .isEqualTo(new LayerSpec.BatchNormalization("batch_normalization", 0.99, 0.001, true, true));
        assertThat(model.layers().stream().map(l -> l.output().toString()).toList())
                .containsExactly(
                        "(18, 6)", "(18, 6)", "(23, 6)", "(21, 6)", "(42, 6)", "(42, 6)", "(6, 42)", "(6, 42)");
        assertThat(model.layers().stream().map(l -> l.params()).toList())
                .containsExactly(54L, 24L, 0L, 0L, 0L, 0L, 0L, 42L);
        assertThat(model.spec().nonTrainableParameterCount()).isEqualTo(12);
        assertThat(model.spec().training())
                .contains(new TrainingSpec(
                        LossKind.HUBER,
                        new OptimizerSpec.AdamW(
                                0.001,
                                0.004,
                                0.9,
                                0.999,
                                1e-7,
                                OptimizerSpec.Clipping.of(OptimizerSpec.Clipping.Kind.CLIPNORM, 1.0)),
                        0.5));
        assertThat(model.layers().get(1).derivation())
                .containsExactly(
                        "output: unchanged (18, 6) (each of the 6 channels of the last axis normalized: the batch's"
                                + " mean and variance in training, the moving statistics in inference)",
                        "params: 4*channels = 4*6 = 24 (gamma, beta, moving_mean, moving_variance: 12"
                                + " non-trainable)");
        assertThat(model.layers().get(2).derivation().get(0))
                .isEqualTo("steps: 2 + 18 + 3 = 23 (padding [2, 3]: zeros before and after)");
        assertThat(model.layers().get(6).derivation().get(0))
                .isEqualTo("output: axis 1 <- input axis 2 (6), axis 2 <- input axis 1 (42): (42, 6) -> (6, 42)");
    }

    @Test
    void negativePadding() {
        assertDiagnostic(
                only(model("[10, 2]", "zero_padding1d([1, -2])")),
                3,
                18,
                ErrorCode.OUT_OF_RANGE,
                "zero_padding1d padding must be 0 or more on each side, got [1, -2]",
                "use 0 or more steps on each side, e.g. padding=1 or padding=[1, 0]");
    }

    @Test
    void croppingThatRemovesEveryStep() {
        assertDiagnostic(
                only(model("[4, 2]", "cropping1d([2, 2])")),
                3,
                3,
                ErrorCode.TOO_SHORT,
                "cropping1d output would have 0 steps: 4 - 2 - 2 = 0 (cropping [2, 2] removes every step of its"
                        + " input (4, 2))",
                "crop at most 3 steps in total, or give the input more steps");
    }

    @Test
    void momentumOutsideZeroToOne() {
        assertDiagnostic(
                only(model("[8]", "batch_normalization(momentum=1.5)")),
                3,
                23,
                ErrorCode.OUT_OF_RANGE,
                "batch_normalization momentum must be in [0, 1], got 1.5",
                "choose momentum in [0, 1]");
    }

    @Test
    void permuteDimsThatAreNoPermutation() {
        assertDiagnostic(
                only(model("[6, 2]", "permute([1, 3])")),
                3,
                11,
                ErrorCode.OUT_OF_RANGE,
                "permute dims must be a permutation of 1..2, got [1, 3]",
                "list each axis 1..2 once (1-based, without the batch axis), e.g. dims=[2, 1]");
    }

    @Test
    void permuteOfTheWrongRank() {
        assertDiagnostic(
                only(model("[6]", "permute([2, 1])")),
                3,
                3,
                ErrorCode.RANK,
                "permute with dims=[2, 1] reorders 2 axes, but its input (6,) has 1 (Keras: expected ndim=3, found"
                        + " ndim=2)",
                "list each of the input's 1 axes once, e.g. dims=[1]");
    }

    @Test
    void normalizationOfAnAxisOfUnknownSize() {
        assertDiagnostic(
                only(model("[8, None]", "layer_normalization")),
                3,
                3,
                ErrorCode.UNKNOWN_DIMENSION,
                "layer_normalization normalizes the last axis, but its input (8, None) has a last axis of unknown"
                        + " size (None): gamma and beta per feature need its size",
                "give the last axis a size, e.g. `input [None, 8]`, or put a dense or conv1d with a fixed number"
                        + " of units before it");
    }

    @Test
    void clipnormOfZero() {
        assertDiagnostic(
                only(model("[8]", "dense(2)", "train { loss mse; optimizer sgd(clipnorm=0) }")),
                4,
                35,
                ErrorCode.OUT_OF_RANGE,
                "sgd clipnorm must be in (0, inf), got 0",
                "choose clipnorm in (0, inf)");
    }

    @Test
    void twoClippingOptions() {
        assertDiagnostic(
                only(model("[8]", "dense(2)", "train { loss mse; optimizer adagrad(clipvalue=1, global_clipnorm=2) }")),
                4,
                52,
                ErrorCode.CONFLICTING_OPTIONS,
                "the optimizer takes clipvalue or global_clipnorm, not both",
                "keep one: clipnorm clips each gradient tensor, global_clipnorm all of them together, clipvalue"
                        + " each value");
    }

    @Test
    void huberDeltaMustBePositiveAndOtherLossesTakeNoOptions() {
        assertDiagnostic(
                only(model("[8]", "dense(2)", "train { loss huber(delta=-1); optimizer adam }")),
                4,
                22,
                ErrorCode.OUT_OF_RANGE,
                "huber delta must be in (0, inf), got -1",
                "choose delta in (0, inf)");
        assertDiagnostic(
                only(model("[8]", "dense(2)", "train { loss mse(delta=1); optimizer adam }")),
                4,
                20,
                ErrorCode.WRONG_TYPE,
                "loss mse expects no arguments, got 1",
                "write `loss mse`");
    }

    @Test
    void spatialDropoutTakesSequences() {
        Diagnostic d = only(model("[6]", "spatial_dropout1d(0.2)"));
        assertThat(d.code()).isEqualTo(ErrorCode.RANK);
        assertThat(d.message())
                .isEqualTo("spatial_dropout1d takes (steps, channels) per example, got (6,) of rank 1 (Keras: expected"
                        + " ndim=3, found ndim=2)");
        assertThat(d.hint())
                .isEqualTo("for one channel per step write `input [6, 1]`, or put `reshape([6, 1])` before"
                        + " spatial_dropout1d");
    }
}
