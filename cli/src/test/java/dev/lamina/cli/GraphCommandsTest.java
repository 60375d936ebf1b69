package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import dev.lamina.runtime.io.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Graph models through the CLI: inputs by name, summary with "Connected to", explain of merges. */
class GraphCommandsTest {
    /** out = dense_1(concatenate([dense(a), b])): weights chosen so the output is a + 2 * b0 + 3 * b1. */
    private static final String SPEC = String.join(
            "\n",
            "model TwoInputs {",
            "  input a [1]",
            "  input b [2]",
            "  fa = a -> dense(1, use_bias=false)",
            "  [fa, b] -> concatenate",
            "  dense(1, use_bias=false)",
            "}",
            "");

    @TempDir
    Path dir;

    private Path spec;
    private Path weights;
    private Path a;
    private Path b;

    @BeforeEach
    void files() throws IOException {
        spec = Files.writeString(dir.resolve("two.lamina"), SPEC);
        weights = dir.resolve("two.weights");
        Weights.write(
                weights,
                Map.of(
                        "dense/kernel", new NdArray(new int[] {1, 1}, new float[] {1}),
                        "dense_1/kernel", new NdArray(new int[] {3, 1}, new float[] {1, 2, 3})));
        a = dir.resolve("a.npy");
        b = dir.resolve("b.npy");
        Npy.write(a, new NdArray(new int[] {2, 1}, new float[] {1, 10}));
        Npy.write(b, new NdArray(new int[] {2, 2}, new float[] {1, 1, 0, -1}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated", "interpreter"})
    void predictTakesOneFilePerInputByName(String engine) {
        CliRun run = CliRun.of(
                "predict",
                spec.toString(),
                "--weights",
                weights.toString(),
                "--x",
                "b=" + b,
                "--x",
                "a=" + a,
                "--engine",
                engine);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("6.0\n7.0\n");
    }

    @Test
    void aMissingInputIsNamed() {
        CliRun run = CliRun.of("predict", spec.toString(), "--weights", weights.toString(), "--x", "a=" + a);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("lamina: model TwoInputs has 2 inputs (a, b); missing --x b=FILE\n");
    }

    @Test
    void aFileWithoutANameIsRefusedForSeveralInputs() {
        CliRun run = CliRun.of("predict", spec.toString(), "--weights", weights.toString(), "--x", a.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: --x " + a + ": model TwoInputs has the inputs a, b; give one --x NAME=FILE for"
                        + " each\n");
    }

    @Test
    void inputsWithDifferentExampleCountsAreRefused() throws IOException {
        Path three = dir.resolve("b3.npy");
        Npy.write(three, new NdArray(new int[] {3, 2}, new float[6]));
        CliRun run = CliRun.of(
                "predict", spec.toString(), "--weights", weights.toString(), "--x", "a=" + a, "--x", "b=" + three);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: the --x files hold different numbers of examples: " + a + " 2, " + three
                        + " 3; every input needs one row per example\n");
    }

    @Test
    void trainingLearnsFromBothInputs() throws IOException {
        Path y = dir.resolve("y.npy");
        Npy.write(y, new NdArray(new int[] {2, 1}, new float[] {6, 7}));
        Path saved = dir.resolve("trained.weights");
        CliRun run = CliRun.of(
                "train",
                spec.toString(),
                "--x",
                "a=" + a,
                "--x",
                "b=" + b,
                "--y",
                y.toString(),
                "--weights",
                weights.toString(),
                "--epochs",
                "2",
                "--save",
                saved.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Epoch 1/2 - loss: 0.0000").contains("Saved the weights to " + saved);
    }

    @Test
    void summaryShowsInputsAndWhatEachLayerReads() {
        CliRun run = CliRun.of("summary", spec.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .isEqualTo(String.join(
                        "\n",
                        "Model: \"TwoInputs\"",
                        "_".repeat(88),
                        " Layer (type)                 Output Shape              Param #     Connected to",
                        "=".repeat(88),
                        " a (InputLayer)               (None, 1)                 0           -",
                        "_".repeat(88),
                        " b (InputLayer)               (None, 2)                 0           -",
                        "_".repeat(88),
                        " dense (Dense)                (None, 1)                 1           a[0][0]",
                        "_".repeat(88),
                        " concatenate (Concatenate)    (None, 3)                 0           dense[0][0], b[0][0]",
                        "_".repeat(88),
                        " dense_1 (Dense)              (None, 1)                 3           concatenate[0][0]",
                        "=".repeat(88),
                        "Total params: 4",
                        "Trainable params: 4",
                        "Non-trainable params: 0",
                        "_".repeat(88),
                        ""));
    }

    @Test
    void explainShowsTheMergeArithmetic() {
        CliRun run = CliRun.of("explain", spec.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Model \"TwoInputs\": inputs a (1,), b (2,) per example (batch axis not shown)")
                .contains("concatenate (Concatenate, line 5): [(1,), (2,)] -> (3,)\n"
                        + "  reads: dense, b\n"
                        + "  output: (1,) and (2,) joined on axis -1 (axis 1 of 2 with the batch): 1 + 2 = 3 -> (3,)\n"
                        + "  params: 0 (concatenate has no weights)\n")
                .endsWith("Output: dense_1 (1,); total params: 4\n");
    }
}
