package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamina} as a process: what reaches stdout and stderr before the JVM exits. */
class MainProcessTest {
    @Test
    void warningsReachStderrBeforeExit(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("w.lamina");
        Files.writeString(spec, "model W {\n  input [4, 1]\n  conv1d(1, 2)\n  dense(1, activation=softmax)\n}\n");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LaminaCli.class.getName(),
                        "check",
                        spec.toString())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(out).isEqualTo("1 file ok (1 model): 0 errors, 1 warning" + System.lineSeparator());
        assertThat(err).startsWith(spec + ":4:3: warning: softmax over a single unit always outputs 1.0");
    }
}
