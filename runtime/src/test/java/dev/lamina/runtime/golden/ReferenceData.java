package dev.lamina.runtime.golden;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reference data lives: the repository carries a copy of {@code ../shared} in {@code
 * testdata/} (so a plain clone tests itself), which must stay identical to {@code ../shared} where
 * that exists.
 */
public final class ReferenceData {
    /** The repository folder that holds the copy of {@code ../shared/golden} and {@code ../shared/keras}. */
    public static final String COPY = "testdata";

    private ReferenceData() {}

    /** The repository root: the nearest folder above the working directory with {@code .mvn} and a pom. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a folder with .mvn and pom.xml) above " + dir);
    }

    /** {@code ../shared} beside the repository root; it may not exist (a clone elsewhere). */
    public static Path shared() {
        return repositoryRoot().resolveSibling("shared");
    }
}
