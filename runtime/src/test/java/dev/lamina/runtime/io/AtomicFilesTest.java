package dev.lamina.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNoTemporary() throws Exception {
        Path file = dir.resolve("w.weights");
        AtomicFiles.write(file, new byte[] {1, 2});
        AtomicFiles.write(file, new byte[] {3});
        assertThat(Files.readAllBytes(file)).containsExactly(3);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /**
     * A process killed while saving leaves its temporary behind: the next save of the same file
     * deletes it, and that of an older Lamina (no process id in the name), but not the temporary of a
     * process that still runs, nor anything else.
     */
    @Test
    void theNextSaveDeletesTemporariesOfProcessesThatAreGone() throws Exception {
        Path file = dir.resolve("w.weights");
        long gone = deadProcessId();
        Path killed = Files.writeString(dir.resolve(".w.weights." + gone + "-1a2b3c.tmp"), "half");
        Path legacy = Files.writeString(dir.resolve(".w.weights.5f3e2d1c.tmp"), "half");
        Path live = Files.writeString(
                dir.resolve(".w.weights." + ProcessHandle.current().pid() + "-99.tmp"), "being written");
        Path otherFile = Files.writeString(dir.resolve(".x.weights." + gone + "-1a2b3c.tmp"), "half");
        Path notOurs = Files.writeString(dir.resolve(".w.weights.notes.tmp"), "keep");

        AtomicFiles.write(file, new byte[] {7});

        assertThat(killed).doesNotExist();
        assertThat(legacy).doesNotExist();
        assertThat(live).exists();
        assertThat(otherFile).exists();
        assertThat(notOurs).exists();
        assertThat(Files.readAllBytes(file)).containsExactly(7);
    }

    /** The id of a process that has exited. */
    private static long deadProcessId() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
