package dev.lamina.keras;

import dev.lamina.runtime.golden.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Keras corpus: the folder in the system property {@code lamina.keras}, by default the
 * repository's copy {@code testdata/keras}. Fails loudly when it is missing or empty, so a
 * misconfigured run cannot pass by testing nothing.
 */
final class KerasCorpus {
    static final String PROPERTY = "lamina.keras";

    private KerasCorpus() {}

    static Path root() {
        String configured = System.getProperty(PROPERTY);
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : ReferenceData.repositoryRoot().resolve(ReferenceData.COPY).resolve("keras");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "Keras corpus folder " + dir.toAbsolutePath() + " does not exist; set -D" + PROPERTY + "=/path");
        }
        return dir;
    }

    /** Every case (a folder with a case.json), sorted by name; throws if there is none. */
    static List<KerasCase> cases() {
        Path root = root();
        try (Stream<Path> dirs = Files.list(root)) {
            List<KerasCase> cases = dirs.filter(d -> Files.isRegularFile(d.resolve("case.json")))
                    .sorted()
                    .map(KerasCase::read)
                    .toList();
            if (cases.isEmpty()) {
                throw new IllegalStateException("no case (a folder with case.json) in " + root.toAbsolutePath());
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
