package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import dev.lamina.runtime.io.Weights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --backend vector} on JDK 25 (run by the {@code vector-backend} Surefire execution, with
 * {@code --add-modules jdk.incubator.vector}): training and predicting match the scalar backend, and
 * a JDK 25 started without the module re-launches itself with it.
 */
class VectorBackendCliTest {
    private static final String TOY = TrainCommandTest.TOY;
    private static final String TOY_X = TrainCommandTest.TOY_X;
    private static final String TOY_Y = TrainCommandTest.TOY_Y;

    /** What a JVM started with the incubator module prints first on stderr. */
    private static final String INCUBATOR_WARNING =
            "WARNING: Using incubator modules: jdk.incubator.vector" + System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void trainsTheToyToTheScalarBackendsKernel() throws IOException {
        Path scalar = dir.resolve("scalar.weights");
        Path vector = dir.resolve("vector.weights");
        CliRun scalarRun = CliRun.of(trainToy(scalar, "scalar").toArray(String[]::new));
        CliRun vectorRun = CliRun.of(trainToy(vector, "vector").toArray(String[]::new));

        assertThat(scalarRun.err()).isEmpty();
        assertThat(vectorRun.err()).isEmpty();
        assertThat(vectorRun.exitCode()).isZero();
        assertThat(vectorRun.out())
                .startsWith("Training model Toy from " + TOY + " with the generated engine (vector backend)\n")
                .contains("Trained 200 epochs: final loss ")
                .endsWith("Saved the weights to " + vector + "\n");
        assertSameKernel(vector, scalar);
    }

    @Test
    void predictsWhatTheScalarBackendPredicts() throws IOException {
        Path weights = dir.resolve("one-two.weights");
        Weights.write(weights, Map.of("conv1d/kernel", new NdArray(new int[] {2, 1, 1}, new float[] {1, 2})));
        Path x = dir.resolve("x.npy");
        Npy.write(x, new NdArray(new int[] {3, 4, 1}, new float[] {0, 3, 4, 5, 1, 1, 1, 1, 0, 0, 0, -1}));
        CliRun run =
                CliRun.of("predict", TOY, "--weights", weights.toString(), "--x", x.toString(), "--backend", "vector");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("6.0,11.0,14.0\n3.0,3.0,3.0\n0.0,0.0,-2.0\n");
    }

    @Test
    void aJdk25WithoutTheModuleReLaunchesItselfWithIt() throws Exception {
        Path scalar = dir.resolve("scalar.weights");
        assertThat(CliRun.of(trainToy(scalar, "scalar").toArray(String[]::new)).exitCode())
                .isZero();
        Path vector = dir.resolve("vector.weights");
        Output run = lamina(List.of(), trainToy(vector, "vector"));

        // The JVM's own note on the module shows that the child JVM has it.
        assertThat(run.err()).isEqualTo(INCUBATOR_WARNING);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Training model Toy from " + TOY + " with the generated engine (vector backend)"
                        + System.lineSeparator())
                .endsWith("Saved the weights to " + vector + System.lineSeparator());
        assertSameKernel(vector, scalar);
    }

    @Test
    void theReLaunchedJvmsExitCodeAndMessagesPassThrough() throws Exception {
        Path missing = dir.resolve("missing.npy");
        Output run = lamina(
                List.of(), List.of("train", TOY, "--x", missing.toString(), "--y", TOY_Y, "--backend", "vector"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(INCUBATOR_WARNING + "lamina: --x " + missing + ": no such file or folder"
                        + System.lineSeparator());
    }

    @Test
    void aReLaunchedJvmWithoutTheModuleFailsInsteadOfReLaunchingAgain() throws Exception {
        Output run = lamina(List.of("-Dlamina.relaunched=true"), trainToy(dir.resolve("w.weights"), "vector"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("lamina: the vector backend needs the module jdk.incubator.vector, and this JVM was"
                        + " started without it: add the JVM option --add-modules jdk.incubator.vector (the JVM"
                        + " Lamina re-launched for it still lacks the module)" + System.lineSeparator());
    }

    private static List<String> trainToy(Path save, String backend) {
        return List.of(
                "train",
                TOY,
                "--x",
                TOY_X,
                "--y",
                TOY_Y,
                "--epochs",
                "200",
                "--log-every",
                "100",
                "--backend",
                backend,
                "--save",
                save.toString());
    }

    /** What a {@code lamina} process printed, and its exit code. */
    private record Output(int exitCode, String out, String err) {}

    /**
     * Runs {@code lamina} in a new process of this JDK with the test class path and {@code jvmOptions},
     * but without {@code --add-modules jdk.incubator.vector}.
     */
    private Output lamina(List<String> jvmOptions, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LaminaCli.class.getName());
        command.addAll(args);
        Path out = dir.resolve("process.out");
        Path err = dir.resolve("process.err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        int exitCode = process.waitFor();
        return new Output(
                exitCode, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertSameKernel(Path actual, Path expected) throws IOException {
        float[] a = kernel(actual);
        float[] e = kernel(expected);
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < e.length; i++) {
            assertThat(a[i]).as("kernel[%d]", i).isCloseTo(e[i], within(1e-4f));
        }
    }

    private static float[] kernel(Path weights) throws IOException {
        return Weights.read(weights).get("conv1d/kernel").data();
    }
}
