package dev.lamina.runtime.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Every {@code cases/*.json} and {@code cases-v2/*.json}, each folder sorted by name; throws if
     * {@code cases/} is missing or there is no case at all ({@code cases-v2/} may be absent).
     */
    public static List<Path> caseFiles() {
        Path cases = root().resolve("cases");
        if (!Files.isDirectory(cases)) {
            throw new IllegalStateException("golden folder has no cases/ folder: " + cases.toAbsolutePath());
        }
        List<Path> list = new ArrayList<>(jsonFiles(cases));
        Path v2 = root().resolve("cases-v2");
        if (Files.isDirectory(v2)) {
            list.addAll(jsonFiles(v2));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("no *.json case in " + cases.toAbsolutePath());
        }
        return list;
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code shapes.json}, then {@code shapes-v2.json} where it exists; throws if the first is missing. */
    public static List<Path> shapesFiles() {
        Path file = root().resolve("shapes.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("golden folder has no shapes.json: " + file.toAbsolutePath());
        }
        Path v2 = root().resolve("shapes-v2.json");
        return Files.isRegularFile(v2) ? List.of(file, v2) : List.of(file);
    }

    private static Path defaultRoot() {
        return ReferenceData.repositoryRoot().resolve(ReferenceData.COPY).resolve("golden");
    }
}
