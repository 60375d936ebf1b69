package dev.lamina.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileSetTest {
    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> everything() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }

    @Test
    void writesEveryFileCreatingFoldersAndReplacingOldOnes() throws IOException {
        Path old = Files.writeString(dir.resolve("a.txt"), "old a");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(old, text("new a"));
        files.put(dir.resolve("x/y/b.txt"), text("new b"));

        AtomicFileSet.write(files);

        assertThat(old).hasContent("new a");
        assertThat(dir.resolve("x/y/b.txt")).hasContent("new b");
        assertThat(everything()).containsExactly(old, dir.resolve("x"), dir.resolve("x/y"), dir.resolve("x/y/b.txt"));
    }

    @Test
    void aFailedLaterMoveLeavesEveryEarlierFileAsItWas() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "old a");
        Path c = dir.resolve("new/c.txt"); // new file in a new folder, moved before the failure
        Path blocked = Files.createDirectories(dir.resolve("b.txt"));
        Path inside = Files.writeString(blocked.resolve("keep"), "k"); // a folder cannot be replaced by a file
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(a, text("new a"));
        files.put(c, text("new c"));
        files.put(blocked, text("new b"));
        files.put(dir.resolve("d.txt"), text("new d"));
        List<Path> before = everything();

        assertThatThrownBy(() -> AtomicFileSet.write(files))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(blocked.toString());

        assertThat(a).hasContent("old a");
        assertThat(inside).hasContent("k");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "old a");
        Files.writeString(dir.resolve("file"), "not a folder");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(a, text("new a"));
        files.put(dir.resolve("file/b.txt"), text("b")); // its folder is a file
        List<Path> before = everything();

        assertThatThrownBy(() -> AtomicFileSet.write(files)).isInstanceOf(IOException.class);

        assertThat(a).hasContent("old a");
        assertThat(everything()).isEqualTo(before);
    }
}
