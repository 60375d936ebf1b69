package dev.lamina.compiler.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The specs mutations start from: the samples ({@code samples/models}, {@code samples/errors}) and {@code fuzz/seeds}. */
final class FuzzSeeds {
    static final List<String> FOLDERS = List.of("samples/models", "samples/errors", "fuzz/seeds");

    private FuzzSeeds() {}

    /** The seed texts below the repository root {@code root}, in a fixed order. */
    static List<String> load(Path root) {
        List<String> seeds = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".lamina"))
                        .sorted()
                        .toList()) {
                    seeds.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the fuzzing seeds in " + root.resolve(folder), e);
            }
        }
        if (seeds.size() < 8) {
            throw new IllegalStateException("expected at least 8 seed specs below " + root + ", found " + seeds.size());
        }
        return List.copyOf(seeds);
    }
}
