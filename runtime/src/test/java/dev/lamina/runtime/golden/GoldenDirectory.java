package dev.lamina.runtime.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the reference vectors: the system property {@code lamina.golden}, by default the
 * repository's own copy {@code testdata/golden}. Fails loudly when the folder is missing or empty,
 * so a misconfigured run can never pass by testing nothing.
 */
public final class GoldenDirectory {
    public static final String PROPERTY = "lamina.golden";

    private GoldenDirectory() {}

    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("golden folder " + dir.toAbsolutePath() + " does not exist; set -D"
                    + PROPERTY + "=/path/to/golden");
        }
        return dir;
    }

    /** Every {@code cases/*.json}, sorted by name; throws if there are none. */
    public static List<Path> caseFiles() {
        Path cases = root().resolve("cases");
        if (!Files.isDirectory(cases)) {
            throw new IllegalStateException("golden folder has no cases/ folder: " + cases.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(cases)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no *.json case in " + cases.toAbsolutePath());
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code shapes.json}; throws if it is missing. */
    public static Path shapesFile() {
        Path file = root().resolve("shapes.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("golden folder has no shapes.json: " + file.toAbsolutePath());
        }
        return file;
    }

    private static Path defaultRoot() {
        return ReferenceData.repositoryRoot().resolve(ReferenceData.COPY).resolve("golden");
    }
}
