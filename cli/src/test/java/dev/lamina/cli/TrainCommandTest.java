package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.runtime.BatchShards;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import dev.lamina.runtime.io.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lamina train}: the seed toy with both engines, bad data, divergence and usage errors. */
class TrainCommandTest {
    static final String TOY = Path.of("..", "samples", "models", "toy.lamina").toString();
    static final String TOY_X = Path.of("..", "samples", "data", "toy_x.npy").toString();
    static final String TOY_Y = Path.of("..", "samples", "data", "toy_y.npy").toString();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"generated", "interpreter"})
    void learnsTheToyKernelWithEitherEngine(String engine) throws IOException {
        Path weights = dir.resolve("toy.weights");
        CliRun run = train(
                TOY,
                TOY_X,
                TOY_Y,
                "--epochs",
                "200",
                "--log-every",
                "100",
                "--show-weights",
                "--engine",
                engine,
                "--save",
                weights.toString());

        assertThat(run.err()).isEmpty();
        assertTrainedOutput(run)
                .isEqualTo(header("Toy", TOY, engine, 2, "mae, optimizer: adam(learning_rate=0.05)")
                        + "  examples: 1 for training, 0 for validation; batch size 32, 200 epochs, seed 0\n"
                        + "Initial weights (seed 0):\n"
                        + "  conv1d/kernel (2, 1, 1): [0.9389, -0.1677]\n"
                        + "Epoch 100/200 - loss: 0.4169 - Tms\n"
                        + "  conv1d/kernel (2, 1, 1): [1.4775, 1.6279]\n"
                        + "Epoch 200/200 - loss: 0.1338 - Tms\n"
                        + "  conv1d/kernel (2, 1, 1): [0.9806, 1.9780]\n"
                        + "Trained 200 epochs: final loss 0.1338\n"
                        + "Saved the weights to " + weights + "\n");
        Interpreter reloaded = new Interpreter(
                dev.lamina.compiler.LaminaCompiler.compile(Path.of(TOY))
                        .models()
                        .get(0)
                        .spec(),
                99);
        reloaded.loadWeights(weights);
        assertThat(reloaded.parameter("conv1d/kernel").value()[0]).isCloseTo(0.9806f, within(1e-4f));
        assertThat(reloaded.parameter("conv1d/kernel").value()[1]).isCloseTo(1.9780f, within(1e-4f));
    }

    /**
     * A batch of 32 examples of this model is large enough to be split into shards (see {@code
     * BatchShards}), so {@code --threads} really splits it; the saved weights must not depend on it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"generated", "interpreter"})
    void theThreadCountDoesNotChangeTheTrainedWeights(String engine) throws IOException {
        Path spec = dir.resolve("wide.lamina");
        Files.writeString(
                spec,
                """
                model Wide {
                  input [64, 16]
                  conv1d(64, 5, activation=relu)
                  global_average_pooling1d
                  dense(1)
                  train {
                    loss mse
                    optimizer adam(learning_rate=0.01)
                  }
                }
                """);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        float[] x = new float[32 * 64 * 16];
        float[] y = new float[32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextDouble(-1, 1);
        }
        Path xs = npy("wide_x.npy", new NdArray(new int[] {32, 64, 16}, x));
        Path ys = npy("wide_y.npy", new NdArray(new int[] {32, 1}, y));
        assertThat(BatchShards.count(
                        32,
                        BatchShards.workPerExample(
                                LaminaCompiler.compile(spec).models().get(0).spec(),
                                List.of(dev.lamina.runtime.spec.Shape.of(64, 16)))))
                .as("shards of a batch of 32")
                .isEqualTo(4);
        Map<String, byte[]> saved = new java.util.TreeMap<>();
        for (String threads : new String[] {"1", "2", "3"}) {
            Path weights = dir.resolve(engine + "-" + threads + ".weights");
            CliRun run = train(
                    spec,
                    xs,
                    ys,
                    "--epochs",
                    "3",
                    "--engine",
                    engine,
                    "--threads",
                    threads,
                    "--save",
                    weights.toString());
            assertThat(run.err()).isEmpty();
            assertTrainedOutput(run)
                    .startsWith("Training model Wide from " + spec + " with the " + engine + " engine"
                            + (threads.equals("1") ? "\n" : ", " + threads + " threads\n"));
            saved.put(threads, Files.readAllBytes(weights));
        }
        assertThat(saved.get("2")).isEqualTo(saved.get("1"));
        assertThat(saved.get("3")).isEqualTo(saved.get("1"));
    }

    @Test
    void printsEveryEpochByDefaultAndTrainsFromCsvAndInitialWeights() throws IOException {
        Path x = Files.writeString(dir.resolve("x.csv"), "0,3,4,5\n");
        Path y = Files.writeString(dir.resolve("y.csv"), "6,11,14\n");
        Path initial = dir.resolve("initial.weights");
        Weights.write(initial, Map.of("conv1d/kernel", new NdArray(new int[] {2, 1, 1}, new float[] {1, 2})));
        CliRun run =
                train(TOY, x, y, "--epochs", "2", "--weights", initial.toString(), "--show-weights", "--no-shuffle");

        assertTrainedOutput(run)
                .isEqualTo(header("Toy", TOY, "generated", 2, "mae, optimizer: adam(learning_rate=0.05)")
                        + "  examples: 1 for training, 0 for validation; batch size 32, 2 epochs, seed 0,"
                        + " not shuffled\n"
                        + "Initial weights:\n"
                        + "  conv1d/kernel (2, 1, 1): [1.0000, 2.0000]\n"
                        + "Epoch 1/2 - loss: 0.0000 - Tms\n"
                        + "  conv1d/kernel (2, 1, 1): [1.0000, 2.0000]\n"
                        + "Epoch 2/2 - loss: 0.0000 - Tms\n"
                        + "  conv1d/kernel (2, 1, 1): [1.0000, 2.0000]\n"
                        + "Trained 2 epochs: final loss 0.0000\n"
                        + NOT_SAVED);
    }

    @Test
    void reportsValidationLossAndSaysWhenWeightsAreTooManyToShow() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("wide.lamina"),
                "model Wide {\n  input [4, 1]\n  conv1d(8, 2)\n  flatten\n  dense(1)\n  train {\n    loss mse\n"
                        + "    optimizer sgd(learning_rate=0.01, momentum=0.9)\n  }\n}\n");
        Path x = npy("x.npy", new NdArray(new int[] {4, 4, 1}, new float[16]));
        Path y = npy("y.npy", new NdArray(new int[] {4, 1}, new float[] {1, 1, 1, 1}));
        CliRun run = train(
                spec, x, y, "--epochs", "1", "--validation-split", "0.25", "--show-weights", "--engine", "interpreter");

        assertTrainedOutput(run)
                .isEqualTo(
                        header("Wide", spec, "interpreter", 49, "mse, optimizer: sgd(learning_rate=0.01, momentum=0.9)")
                                + "  examples: 3 for training, 1 for validation; batch size 32, 1 epoch, seed 0\n"
                                + "(--show-weights: the model has 49 values, more than 32; not shown)\n"
                                + "Epoch 1/1 - loss: 1.0000 - val_loss: 0.9136 - Tms\n"
                                + "Trained 1 epoch: final loss 1.0000, val_loss 0.9136\n"
                                + NOT_SAVED);
    }

    /** The header names the non-trainable count, huber's delta and the optimizer's clipping; both engines agree. */
    @Test
    void trainsABatchNormalizedModelWithHuberAndClippedAdamW() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("norm.lamina"),
                "model Norm {\n  input [4, 1]\n  conv1d(3, 2)\n  batch_normalization(momentum=0.5)\n"
                        + "  activation(selu)\n  flatten\n  dense(1)\n  train {\n    loss huber(delta=0.5)\n"
                        + "    optimizer adamw(learning_rate=0.01, weight_decay=0.1, global_clipnorm=1)\n  }\n}\n");
        float[] values = new float[32];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7 % 11) / 5f - 1;
        }
        Path x = npy("x.npy", new NdArray(new int[] {8, 4, 1}, values));
        Path y = npy("y.npy", new NdArray(new int[] {8, 1}, new float[] {1, -1, 2, 0, 1, 3, -2, 1}));
        Path saved = dir.resolve("norm.lmnw");
        String[] runs = new String[2];
        String[] engines = {"generated", "interpreter"};
        for (int e = 0; e < 2; e++) {
            CliRun run = train(
                    spec,
                    x,
                    y,
                    "--epochs",
                    "3",
                    "--batch-size",
                    "4",
                    "--engine",
                    engines[e],
                    "--save",
                    saved.toString());
            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .startsWith("Training model Norm from " + spec + " with the " + engines[e] + " engine\n"
                            + "  parameters: 31 (6 non-trainable)\n"
                            + "  loss: huber(delta=0.5), optimizer: adamw(learning_rate=0.01, weight_decay=0.1,"
                            + " global_clipnorm=1)\n");
            runs[e] = run.out()
                    .lines()
                    .filter(l -> l.startsWith("Trained"))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(runs[0]).isEqualTo(runs[1]);
        assertThat(dev.lamina.runtime.io.Weights.read(saved).keySet())
                .containsExactly(
                        "conv1d/kernel",
                        "conv1d/bias",
                        "batch_normalization/gamma",
                        "batch_normalization/beta",
                        "batch_normalization/moving_mean",
                        "batch_normalization/moving_variance",
                        "dense/kernel",
                        "dense/bias");
    }

    @Test
    void shapeMismatchesNameExpectedAndActualShapes() {
        CliRun x = train(TOY, TOY_Y, TOY_Y);
        assertThat(x.exitCode()).isEqualTo(1);
        assertThat(x.err())
                .isEqualTo("lamina: --x " + TOY_Y + " has shape (1, 3, 1); expected (N, 4, 1): N examples of the"
                        + " input (4, 1) of model Toy\n");
        CliRun y = train(TOY, TOY_X, TOY_X);
        assertThat(y.exitCode()).isEqualTo(1);
        assertThat(y.err())
                .isEqualTo("lamina: --y " + TOY_X + " has shape (1, 4, 1); expected (N, 3, 1): N examples of the"
                        + " output (3, 1) of model Toy\n");
    }

    @Test
    void exampleCountsMustMatch() throws IOException {
        Path x = npy("x.npy", new NdArray(new int[] {2, 4, 1}, new float[8]));
        CliRun run = train(TOY, x, TOY_Y);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: --x " + x + " holds 2 examples but --y " + TOY_Y + " holds 1; they must match\n");
    }

    @Test
    void sparseTargetsMustBeClassIndices() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("classes.lamina"),
                "model Classes {\n  input [3]\n  dense(4, activation=softmax)\n  train {\n"
                        + "    loss sparse_categorical_crossentropy\n    optimizer adam\n  }\n}\n");
        Path x = npy("x.npy", new NdArray(new int[] {2, 3}, new float[6]));
        Path y = npy("y.npy", new NdArray(new int[] {2}, new float[] {1, 4}));
        CliRun run = train(spec, x, y);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: --y " + y + ": value 4.0 at index 1 is not a class index in [0, 4) (class indices"
                        + " for sparse_categorical_crossentropy on the output (4,) of model Classes)\n");

        Npy.write(y, new NdArray(new int[] {2, 1}, new float[] {1, 3}));
        CliRun ok = train(spec, x, y, "--epochs", "1");
        assertThat(ok.err()).isEmpty();
        assertThat(ok.out()).contains("Epoch 1/1 - loss: 1.3863 - accuracy: 0.0000 - ");
    }

    @Test
    void badDataFilesAreOneLineErrors() throws IOException {
        Path truncated = dir.resolve("truncated.npy");
        byte[] bytes = Files.readAllBytes(Path.of(TOY_X));
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        CliRun run = train(TOY, truncated, TOY_Y);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: --x " + truncated
                        + ": truncated data: shape (1, 4, 1) of <f4 needs 16 bytes, the file has 12\n");

        CliRun missing = train(TOY, dir.resolve("none.npy"), TOY_Y);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("lamina: --x " + dir.resolve("none.npy") + ": no such file or folder\n");

        Path csv = Files.writeString(dir.resolve("x.csv"), "0,3,4\n");
        CliRun columns = train(TOY, csv, TOY_Y);
        assertThat(columns.exitCode()).isEqualTo(1);
        assertThat(columns.err())
                .isEqualTo("lamina: --x " + csv + " has 3 columns per row; expected 4 (one flattened example of the"
                        + " input (4, 1) of model Toy per row)\n");

        Path text = Files.writeString(dir.resolve("x.txt"), "0 3 4 5\n");
        CliRun format = train(TOY, text, TOY_Y);
        assertThat(format.exitCode()).isEqualTo(1);
        assertThat(format.err())
                .isEqualTo("lamina: --x " + text
                        + ": unknown data format; use a .npy file or a .csv file (one example per row)\n");
    }

    /**
     * Issue 17: the interpreter's relu mapped NaN to 0, so training on data with a NaN ended with
     * exit 0 and overwrote good weights with NaN kernels. Every engine now stops at the batch that
     * holds the NaN, with the same message, and leaves the old weights alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"generated", "interpreter"})
    void aNanInputStopsAtItsBatchWithEitherEngineAndKeepsTheOldWeights(String engine) throws IOException {
        Path x = npy("x.npy", new NdArray(new int[] {1, 4, 1}, new float[] {0, Float.NaN, 4, 5}));
        Path weights = dir.resolve("w.weights");
        Weights.write(weights, Map.of("conv1d/kernel", new NdArray(new int[] {2, 1, 1}, new float[] {1, 2})));
        byte[] good = Files.readAllBytes(weights);
        CliRun run = train(TOY, x, TOY_Y, "--save", weights.toString(), "--engine", engine);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: training stopped at epoch 1, batch 1: example 0 of x holds NaN (its value 1);"
                        + " nothing was trained on that batch; nothing was saved to " + weights + "\n");
        assertThat(run.out()).doesNotContain("Saved");
        assertThat(Files.readAllBytes(weights)).isEqualTo(good);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    /** On a terminal the error must not be glued to the progress line it interrupts. */
    @Test
    void aFailureMidEpochEndsTheProgressLineFirst() throws IOException {
        Path x = npy("x.npy", new NdArray(new int[] {2, 4, 1}, new float[] {0, 3, 4, 5, 0, 3, Float.NaN, 5}));
        Path y = npy("y.npy", new NdArray(new int[] {2, 3, 1}, new float[] {6, 11, 14, 6, 11, 14}));
        CliRun run = train(TOY, x, y, "--no-shuffle", "--batch-size", "1", "--progress", "bar");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .matches("(?s).*\\r\\033\\[KEpoch 1/10 1/2 \\[=+>\\.+\\] - ETA: \\d+s - loss: 8\\.8134\\n");
        assertThat(run.err()).startsWith("lamina: training stopped at epoch 1, batch 2: example 1 of x holds NaN");
    }

    /** A save killed mid-write leaves its temporary file; the next save of that file removes it. */
    @Test
    void theNextSaveRemovesTheTemporaryOfAKilledSave() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path weights = dir.resolve("toy.weights");
        Path stale = Files.writeString(dir.resolve(".toy.weights." + gone.pid() + "-5e1f.tmp"), "half a file");
        CliRun run = train(TOY, TOY_X, TOY_Y, "--epochs", "1", "--save", weights.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(stale).doesNotExist();
        assertThat(weights).exists();
    }

    @Test
    void aLossThatOverflowsStopsNamingTheExample() throws IOException {
        Path x = npy("x.npy", new NdArray(new int[] {2, 4, 1}, new float[] {0, 3, 4, 5, 0, 3e38f, 3e38f, 5}));
        Path y = npy("y.npy", new NdArray(new int[] {2, 3, 1}, new float[] {6, 11, 14, 6, -3e38f, 14}));
        CliRun run = train(TOY, x, y, "--no-shuffle", "--batch-size", "1", "--engine", "interpreter");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: training stopped at epoch 1, batch 2: the loss became Infinity (example 1's loss"
                        + " is not finite); the weights keep the last finite step; check the data for NaN or huge"
                        + " values, or lower the learning rate\n");
    }

    @Test
    void initialWeightsForAnotherModelAreRefused() throws IOException {
        Path weights = dir.resolve("other.weights");
        Weights.write(weights, Map.of("conv1d/kernel", new NdArray(new int[] {2, 1, 2}, new float[4])));
        Path saved = dir.resolve("saved.weights");
        CliRun run = train(TOY, TOY_X, TOY_Y, "--weights", weights.toString(), "--save", saved.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: " + weights + " does not match model Toy (1 difference):\n"
                        + "  shape mismatch for conv1d/kernel: the model has (2, 1, 1), the file (2, 1, 2)\n");
        assertThat(saved).doesNotExist();
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        assertThat(CliRun.of("train", TOY, "--y", TOY_Y).exitCode()).isEqualTo(2);
        CliRun engine = train(TOY, TOY_X, TOY_Y, "--engine", "jit");
        assertThat(engine.exitCode()).isEqualTo(2);
        assertThat(engine.err())
                .startsWith("Invalid value for option '--engine': 'jit' is not an engine; use generated or"
                        + " interpreter\n");
        CliRun epochs = train(TOY, TOY_X, TOY_Y, "--epochs", "0");
        assertThat(epochs.exitCode()).isEqualTo(2);
        assertThat(epochs.err()).startsWith("--epochs must be at least 1, got 0\n");
        CliRun split = train(TOY, TOY_X, TOY_Y, "--validation-split", "1");
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).startsWith("--validation-split must be in [0, 1), got 1.0\n");
        CliRun threads = train(TOY, TOY_X, TOY_Y, "--threads", "0");
        assertThat(threads.exitCode()).isEqualTo(2);
        assertThat(threads.err()).startsWith("--threads must be at least 1, got 0\n");
        assertUsage(
                train(TOY, TOY_X, TOY_Y, "--early-stopping", "2"),
                "--early-stopping watches val_loss by default, which needs a --validation-split; set one, or use"
                        + " --monitor loss");
        assertUsage(
                train(TOY, TOY_X, TOY_Y, "--early-stopping", "2", "--monitor", "val_accuracy"),
                "--early-stopping watches val_accuracy, which needs a --validation-split; set one, or use --monitor"
                        + " accuracy");
        assertUsage(train(TOY, TOY_X, TOY_Y, "--monitor", "loss"), "--monitor needs --early-stopping");
        assertUsage(train(TOY, TOY_X, TOY_Y, "--restore-best"), "--restore-best needs --early-stopping");
        assertUsage(
                train(TOY, TOY_X, TOY_Y, "--early-stopping", "-1", "--monitor", "loss"),
                "--early-stopping must be at least 0, got -1");
        assertUsage(
                train(TOY, TOY_X, TOY_Y, "--early-stopping", "1", "--monitor", "val_acc"),
                "Invalid value for option '--monitor': 'val_acc' is not a monitored quantity; use loss, val_loss,"
                        + " accuracy, val_accuracy");
        assertUsage(train(TOY, TOY_X, TOY_Y, "--checkpoint-every", "2"), "--checkpoint-every needs --checkpoint DIR");
        assertUsage(
                train(TOY, TOY_X, TOY_Y, "--checkpoint", dir.toString(), "--checkpoint-every", "0"),
                "--checkpoint-every must be at least 1, got 0");
        assertUsage(
                train(TOY, TOY_X, TOY_Y, "--quiet", "--show-weights"),
                "--quiet prints nothing but errors; drop it or --show-weights");
        assertUsage(
                train(TOY, TOY_X, TOY_Y, "--quiet", "--progress", "bar"),
                "--quiet prints nothing but errors; drop it or --progress");
        assertUsage(
                train(TOY, TOY_X, TOY_Y, "--progress", "dots"),
                "Invalid value for option '--progress': 'dots' is not a progress mode; use auto, bar or lines");
    }

    @Test
    void aMissingSaveFolderFailsBeforeTraining() {
        Path save = dir.resolve("missing").resolve("w.weights");
        CliRun run = train(TOY, TOY_X, TOY_Y, "--save", save.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("lamina: --save " + save + ": the folder "
                        + save.toAbsolutePath().getParent() + " does not exist\n");
    }

    @Test
    void everyFileTrainWillWriteIsCheckedBeforeTraining() throws IOException {
        CliRun folder = train(TOY, TOY_X, TOY_Y, "--save", dir.toString());
        assertThat(folder.exitCode()).isEqualTo(1);
        assertThat(folder.out()).isEmpty();
        assertThat(folder.err())
                .isEqualTo("lamina: --save " + dir + ": is a folder; name a file in it, e.g. "
                        + dir.resolve("model.weights") + "\n");

        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        Path underFile = file.resolve("history.csv");
        CliRun history = train(TOY, TOY_X, TOY_Y, "--history", underFile.toString());
        assertThat(history.exitCode()).isEqualTo(1);
        assertThat(history.out()).isEmpty();
        assertThat(history.err())
                .isEqualTo("lamina: --history " + underFile + ": the folder " + file.toAbsolutePath() + " is a file\n");

        CliRun checkpoint = train(TOY, TOY_X, TOY_Y, "--checkpoint", file.toString());
        assertThat(checkpoint.exitCode()).isEqualTo(1);
        assertThat(checkpoint.out()).isEmpty();
        assertThat(checkpoint.err()).isEqualTo("lamina: --checkpoint " + file + ": is a file, not a folder\n");

        Path save = dir.resolve("w.weights");
        CliRun resume = train(TOY, TOY_X, TOY_Y, "--resume", dir.toString(), "--save", save.toString());
        assertThat(resume.exitCode()).isEqualTo(1);
        assertThat(resume.out()).isEmpty();
        assertThat(resume.err())
                .isEqualTo("lamina: --resume " + dir + ": no checkpoint there (" + dir.resolve("checkpoint.lmnc")
                        + " does not exist)\n");
        assertThat(save).doesNotExist();
    }

    @Test
    void theGeneratedEngineSuggestsTheInterpreterForVariableLengthInputs() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("any.lamina"),
                "model Any {\n  input [None, 2]\n  conv1d(3, 2)\n  global_max_pooling1d\n  dense(1)\n}\n");
        Path x = npy("x.npy", new NdArray(new int[] {2, 5, 2}, new float[20]));
        Path y = npy("y.npy", new NdArray(new int[] {2, 1}, new float[2]));
        CliRun generated = train(spec, x, y);
        assertThat(generated.exitCode()).isEqualTo(1);
        assertThat(generated.err())
                .isEqualTo("lamina: model 'Any': its input 'input' has shape (None, 2) with a length known only at"
                        + " run time; generated code needs every shape known; use --engine interpreter\n");
        CliRun interpreter = train(spec, x, y, "--engine", "interpreter", "--epochs", "1");
        assertThat(interpreter.err()).isEmpty();
        assertThat(interpreter.exitCode()).isZero();
        assertThat(interpreter.out()).contains("Epoch 1/1 - loss: ");
    }

    /** Checks that {@code run} was refused as a usage error whose message starts the error output. */
    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).as(message).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(message + "\n");
    }

    /** The last line of a run without {@code --save}. */
    private static final String NOT_SAVED = "The weights were not saved (use --save FILE to keep them)\n";

    /** Checks that training succeeded; an assertion on its output with the epoch times masked. */
    private static AbstractStringAssert<?> assertTrainedOutput(CliRun run) {
        assertThat(run.exitCode()).isZero();
        return assertThat(withoutTimes(run.out()));
    }

    /** The first three lines train prints: the model, spec and engine; the parameter count; loss and optimizer. */
    private static String header(String model, Object spec, String engine, int parameters, String lossAndOptimizer) {
        return "Training model " + model + " from " + spec + " with the " + engine + " engine\n"
                + "  parameters: " + parameters + "\n"
                + "  loss: " + lossAndOptimizer + "\n";
    }

    /** Runs {@code lamina train SPEC --x X --y Y} with these further options. */
    private static CliRun train(Object spec, Object x, Object y, String... options) {
        return CliRun.of(Stream.concat(
                        Stream.of("train", spec.toString(), "--x", x.toString(), "--y", y.toString()),
                        Stream.of(options))
                .toArray(String[]::new));
    }

    /** Writes {@code array} to {@code name} in the test folder. */
    private Path npy(String name, NdArray array) throws IOException {
        Path path = dir.resolve(name);
        Npy.write(path, array);
        return path;
    }

    /** Epoch times vary between runs. */
    static String withoutTimes(String out) {
        return out.replaceAll(" - \\d+ms\n", " - Tms\n");
    }
}
