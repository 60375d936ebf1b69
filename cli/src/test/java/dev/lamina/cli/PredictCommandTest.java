package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import dev.lamina.runtime.io.Weights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lamina predict}: outputs for known weights, printed or written, and refused weights. */
class PredictCommandTest {
    private static final String TOY = TrainCommandTest.TOY;
    private static final String TOY_X = TrainCommandTest.TOY_X;

    @TempDir
    Path dir;

    private Path kernelOneTwo;

    @BeforeEach
    void writeTheSeedKernel() throws IOException {
        kernelOneTwo = dir.resolve("one-two.weights");
        Weights.write(kernelOneTwo, Map.of("conv1d/kernel", new NdArray(new int[] {2, 1, 1}, new float[] {1, 2})));
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated", "interpreter"})
    void printsOneExamplePerLine(String engine) throws IOException {
        Path x = dir.resolve("x.npy");
        Npy.write(x, new NdArray(new int[] {3, 4, 1}, new float[] {0, 3, 4, 5, 1, 1, 1, 1, 0, 0, 0, -1}));
        CliRun run = predictToy("--x", x.toString(), "--engine", engine, "--batch-size", "2");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("6.0,11.0,14.0\n3.0,3.0,3.0\n0.0,0.0,-2.0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated", "interpreter"})
    void writesFloat32NpyOfTheOutputShape(String engine) throws IOException {
        Path out = dir.resolve("y.npy");
        CliRun run = predictToy("--x", TOY_X, "--out", out.toString(), "--engine", engine);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Wrote 1 prediction of shape (3, 1) to " + out + "\n");
        NdArray y = Npy.read(out);
        assertThat(y.shape()).containsExactly(1, 3, 1);
        assertThat(y.data()).containsExactly(6f, 11f, 14f);
    }

    @Test
    void weightsForAnotherModelAreRefusedAndNothingIsWritten() throws IOException {
        Path other = dir.resolve("other.weights");
        Weights.write(
                other,
                Map.of(
                        "conv1d/kernel", new NdArray(new int[] {2, 1, 2}, new float[4]),
                        "conv1d/bias", new NdArray(new int[] {2}, new float[2])));
        Path out = dir.resolve("y.npy");
        CliRun run = CliRun.of("predict", TOY, "--weights", other.toString(), "--x", TOY_X, "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("lamina: " + other + " does not match model Toy (2 differences):\n"
                        + "  shape mismatch for conv1d/kernel: the model has (2, 1, 1), the file (2, 1, 2)\n"
                        + "  unexpected conv1d/bias (2,)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFileThatIsNotWeightsIsRefused() {
        CliRun run = CliRun.of("predict", TOY, "--weights", TOY_X, "--x", TOY_X);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: " + TOY_X + " is not a Lamina weights file (it does not start with LMNW)\n");
    }

    @Test
    void inputsOfTheWrongShapeAreRefused() throws IOException {
        Path x = dir.resolve("x.npy");
        Npy.write(x, new NdArray(new int[] {2, 4}, new float[8]));
        CliRun run = predictToy("--x", x.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: --x " + x
                        + " has shape (2, 4); expected (N, 4, 1): N examples of the input (4, 1) of model Toy\n");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CliRun.of("predict", TOY, "--x", TOY_X).exitCode()).isEqualTo(2);
        CliRun out = predictToy("--x", TOY_X, "--out", "y.csv");
        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.err()).startsWith("--out must name a .npy file, got y.csv\n");
    }

    @Test
    void aFileWithSeveralModelsNeedsModelName() throws IOException {
        Path spec = java.nio.file.Files.writeString(
                dir.resolve("two.lamina"),
                "model Wide {\n  input [4, 1]\n  conv1d(2, 2)\n}\n\n"
                        + "model Toy {\n  input [4, 1]\n  conv1d(1, 2, use_bias=false)\n}\n");
        CliRun ambiguous = CliRun.of("predict", spec.toString(), "--weights", kernelOneTwo.toString(), "--x", TOY_X);
        assertThat(ambiguous.exitCode()).isEqualTo(1);
        assertThat(ambiguous.err())
                .isEqualTo("lamina: " + spec + " declares 2 models (Wide, Toy); choose one with --model NAME\n");

        CliRun chosen = CliRun.of(
                "predict", spec.toString(), "--model", "Toy", "--weights", kernelOneTwo.toString(), "--x", TOY_X);
        assertThat(chosen.err()).isEmpty();
        assertThat(chosen.out()).isEqualTo("6.0,11.0,14.0\n");
    }

    /** Runs {@code lamina predict} on the toy model with the seed kernel and these options. */
    private CliRun predictToy(String... options) {
        return CliRun.of(
                Stream.concat(Stream.of("predict", TOY, "--weights", kernelOneTwo.toString()), Stream.of(options))
                        .toArray(String[]::new));
    }
}
