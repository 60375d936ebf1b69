package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamina check}, {@code summary} and {@code explain}: exact output and exit codes. */
class FrontEndCommandsTest {
    private static final String ACTIVITY_CNN =
            Path.of("..", "samples", "models", "activity_cnn.lamina").toString();
    private static final String RANK_ERROR =
            Path.of("..", "samples", "errors", "rank_error.lamina").toString();

    @TempDir
    Path dir;

    @Test
    void summaryOfTheActivityCnnMatchesKeras() {
        CliRun run = CliRun.of("summary", ACTIVITY_CNN);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String rule = "_".repeat(88) + "\n";
        String bold = "=".repeat(88) + "\n";
        assertThat(run.out())
                .isEqualTo("Model: \"ActivityCnn\"\n"
                        + rule
                        + " Layer (type)                                       Output Shape              Param #\n"
                        + bold
                        + " conv1d (Conv1D)                                    (None, 502, 100)          2,100\n"
                        + rule
                        + " conv1d_1 (Conv1D)                                  (None, 493, 100)          100,100\n"
                        + rule
                        + " max_pooling1d (MaxPooling1D)                       (None, 164, 100)          0\n"
                        + rule
                        + " conv1d_2 (Conv1D)                                  (None, 155, 160)          160,160\n"
                        + rule
                        + " conv1d_3 (Conv1D)                                  (None, 146, 160)          256,160\n"
                        + rule
                        + " global_average_pooling1d (GlobalAveragePooling1D)  (None, 160)               0\n"
                        + rule
                        + " dropout (Dropout)                                  (None, 160)               0\n"
                        + rule
                        + " dense (Dense)                                      (None, 4)                 644\n"
                        + bold
                        + "Total params: 519,164\n"
                        + "Trainable params: 519,164\n"
                        + "Non-trainable params: 0\n"
                        + rule);
    }

    @Test
    void summaryCountsTheMovingStatisticsAsNonTrainable() {
        CliRun run = CliRun.of(
                "summary", Path.of("..", "samples", "models", "fcn.lamina").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        " batch_normalization (BatchNormalization)           (None, 511, 128)          512\n",
                        "Total params: 267,268\nTrainable params: 266,244\nNon-trainable params: 1,024\n");
    }

    @Test
    void explainShowsTheRulesOfThePaddingAndNormalizationLayers() throws IOException {
        Path spec = write(
                "pad.lamina",
                "model Pad {\n  input [10, 2]\n  zero_padding1d([2, 3])\n  cropping1d(1)\n  up_sampling1d(3)\n"
                        + "  permute([2, 1])\n  layer_normalization(scale=false)\n}\n");
        CliRun run = CliRun.of("explain", spec.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("Model \"Pad\": input (10, 2) per example (batch axis not shown)\n"
                        + "\n"
                        + "zero_padding1d (ZeroPadding1D, line 3): (10, 2) -> (15, 2)\n"
                        + "  steps: 2 + 10 + 3 = 15 (padding [2, 3]: zeros before and after)\n"
                        + "  channels: unchanged = 2\n"
                        + "  params: 0 (zero_padding1d has no weights)\n"
                        + "\n"
                        + "cropping1d (Cropping1D, line 4): (15, 2) -> (13, 2)\n"
                        + "  steps: 15 - 1 - 1 = 13 (cropping [1, 1]: steps removed before and after)\n"
                        + "  channels: unchanged = 2\n"
                        + "  params: 0 (cropping1d has no weights)\n"
                        + "\n"
                        + "up_sampling1d (UpSampling1D, line 5): (13, 2) -> (39, 2)\n"
                        + "  steps: 13*3 = 39 (each step repeated size=3 times)\n"
                        + "  channels: unchanged = 2\n"
                        + "  params: 0 (up_sampling1d has no weights)\n"
                        + "\n"
                        + "permute (Permute, line 6): (39, 2) -> (2, 39)\n"
                        + "  output: axis 1 <- input axis 2 (2), axis 2 <- input axis 1 (39): (39, 2) -> (2, 39)\n"
                        + "  params: 0 (permute has no weights)\n"
                        + "\n"
                        + "layer_normalization (LayerNormalization, line 7): (2, 39) -> (2, 39)\n"
                        + "  output: unchanged (2, 39) (each row of 39 values of the last axis normalized by its own"
                        + " mean and variance)\n"
                        + "  params: 1*features = 1*39 = 39 (beta)\n"
                        + "\n"
                        + "Output: (2, 39); total params: 39\n");
    }

    @Test
    void explainAnswersTheSameStrideTwoQuestion() throws IOException {
        Path spec = write(
                "same.lamina", "model Same {\n  input [128, 1]\n  conv1d(32, 5, strides=2, padding=\"same\")\n}\n");
        CliRun run = CliRun.of("explain", spec.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("Model \"Same\": input (128, 1) per example (batch axis not shown)\n"
                        + "\n"
                        + "conv1d (Conv1D, line 3): (128, 1) -> (64, 32)\n"
                        + "  steps: ceil(128 / 2) = 64 (padding=same, strides=2)\n"
                        + "  same padding: max((64 - 1)*2 + 5 - 128, 0) = 3 zeros, 1 on the left and 2 on the right\n"
                        + "  channels: filters = 32\n"
                        + "  params: kernel_size*channels*filters + filters = 5*1*32 + 32 = 192\n"
                        + "\n"
                        + "Output: (64, 32); total params: 192\n");
    }

    @Test
    void checkPassesTheSamplesAndFailsTheSeedRankError() {
        CliRun ok = CliRun.of(
                "check",
                ACTIVITY_CNN,
                Path.of("..", "samples", "models", "toy.lamina").toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).isEqualTo("2 files ok (2 models): 0 errors, 0 warnings\n");
        assertThat(ok.err()).isEmpty();

        CliRun bad = CliRun.of("check", RANK_ERROR);
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err())
                .isEqualTo(RANK_ERROR + ":5:3: error: conv1d takes (steps, channels) per example, got (68,) of rank 1"
                        + " (Keras: expected min_ndim=3, found ndim=2) [LAM020]\n"
                        + "  conv1d(32, 3, activation=relu)\n"
                        + "  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
                        + "  hint: for one channel per step write `input [68, 1]`, or put `reshape([68, 1])` before"
                        + " conv1d\n"
                        + "1 error, 0 warnings\n");
    }

    @Test
    void checkReportsWarningsButSucceeds() throws IOException {
        Path spec = write(
                "w.lamina",
                "model W { input [4, 2] global_max_pooling1d dense(2) train { loss categorical_crossentropy;"
                        + " optimizer adam } }\n");
        CliRun run = CliRun.of("check", spec.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("warning: categorical_crossentropy expects probabilities")
                .contains("[LAM101]");
        assertThat(run.out()).isEqualTo("1 file ok (1 model): 0 errors, 1 warning\n");
    }

    @Test
    void exitCodes() {
        assertThat(CliRun.of("check", dir.resolve("missing.lamina").toString()).exitCode())
                .isEqualTo(1);
        assertThat(CliRun.of("summary", RANK_ERROR).exitCode()).isEqualTo(1);
        assertThat(CliRun.of("explain", RANK_ERROR).exitCode()).isEqualTo(1);
        assertThat(CliRun.of("check").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("summary").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("summary", ACTIVITY_CNN, "--bogus").exitCode()).isEqualTo(2);
    }

    @Test
    void summarySelectsOneModelOfSeveral() throws IOException {
        Path spec =
                write("two.lamina", "model A { input [4] dense(2) }\nmodel B { input [8, 1] conv1d(2, 3) flatten }\n");
        CliRun b = CliRun.of("summary", spec.toString(), "--model", "B");
        assertThat(b.exitCode()).isZero();
        assertThat(b.out())
                .startsWith("Model: \"B\"\n")
                .contains("Total params: 8\n")
                .doesNotContain("\"A\"");
        CliRun both = CliRun.of("summary", spec.toString());
        assertThat(both.out()).contains("Model: \"A\"").contains("Model: \"B\"");
        CliRun missing = CliRun.of("summary", spec.toString(), "--model", "C");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("lamina: " + spec + " has no model 'C'; it has: A, B\n");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
