package dev.lamina.runtime.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repository's copy of the reference data ({@code testdata/golden}, {@code testdata/keras}) is
 * byte for byte {@code ../shared}'s, wherever {@code ../shared} exists: the copy cannot drift.
 * Refresh it with {@code testdata/sync}.
 */
class ReferenceDataCopyTest {
    @ParameterizedTest(name = "testdata/{0} equals ../shared/{0}")
    @ValueSource(strings = {"golden", "keras"})
    void theCopyEqualsShared(String folder) throws IOException {
        Path shared = ReferenceData.shared().resolve(folder);
        assumeTrue(Files.isDirectory(shared), "no " + shared + " beside this clone: nothing to compare the copy with");
        Path copy = ReferenceData.repositoryRoot().resolve(ReferenceData.COPY).resolve(folder);

        Set<String> sharedFiles = files(shared);
        Set<String> copiedFiles = files(copy);
        assertThat(copiedFiles)
                .as("files of %s against %s (run testdata/sync)", copy, shared)
                .isEqualTo(sharedFiles);
        List<String> differing = new ArrayList<>();
        for (String file : sharedFiles) {
            if (!Arrays.equals(Files.readAllBytes(shared.resolve(file)), Files.readAllBytes(copy.resolve(file)))) {
                differing.add(file);
            }
        }
        assertThat(differing)
                .as("files of %s whose bytes differ from %s (run testdata/sync)", copy, shared)
                .isEmpty();
    }

    @ParameterizedTest(name = "testdata/{0} is not empty")
    @ValueSource(strings = {"golden", "keras"})
    void theCopyIsThere(String folder) throws IOException {
        assertThat(files(ReferenceData.repositoryRoot()
                        .resolve(ReferenceData.COPY)
                        .resolve(folder)))
                .isNotEmpty();
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            Set<String> names = new TreeSet<>();
            walk.filter(Files::isRegularFile)
                    .forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
            return names;
        }
    }
}
