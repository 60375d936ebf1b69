package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.runtime.golden.Tolerance;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One case of the Keras corpus (see its README): a Keras-written model file, optionally the same
 * model as architecture JSON plus weights-only HDF5, an input and the output Keras computes.
 */
record KerasCase(
        String name,
        Path dir,
        Path modelFile,
        Optional<Path> architectureJson,
        Optional<Path> weightsFile,
        List<String> layers,
        Tolerance tolerance,
        Optional<String> expectError) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static KerasCase read(Path dir) {
        try {
            JsonNode c = JSON.readTree(dir.resolve("case.json").toFile());
            List<String> layers = new ArrayList<>();
            c.path("layers").forEach(l -> layers.add(l.asText()));
            JsonNode expect = c.get("expect_error");
            return new KerasCase(
                    dir.getFileName().toString(),
                    dir,
                    modelFile(dir),
                    existing(dir.resolve("config.json")),
                    existing(dir.resolve("weights.h5")),
                    List.copyOf(layers),
                    new Tolerance(
                            c.path("tolerance").path("rtol").asDouble(),
                            c.path("tolerance").path("atol").asDouble()),
                    expect == null || expect.isNull() || expect.isBoolean() && !expect.asBoolean()
                            ? Optional.empty()
                            : Optional.of(expect.isTextual() ? expect.asText() : expect.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the case " + dir, e);
        }
    }

    /**
     * The model's inputs, one array per Keras input name in {@code names}: {@code x.npy} for a model
     * with one input, {@code x_<name>.npy} for each input of a model with several (also accepted with
     * one).
     */
    List<NdArray> inputs(List<String> names) {
        Optional<Path> single = existing(dir.resolve("x.npy"));
        if (names.size() == 1 && single.isPresent()) {
            return List.of(npy(single.get()));
        }
        List<NdArray> arrays = new ArrayList<>();
        for (String name : names) {
            Path file = dir.resolve("x_" + name + ".npy");
            if (!Files.isRegularFile(file)) {
                throw new AssertionError("the case " + name() + " has no " + file.getFileName() + " for input '" + name
                        + "'" + (names.size() == 1 ? " and no x.npy" : ""));
            }
            arrays.add(npy(file));
        }
        return arrays;
    }

    /** Keras's output: {@code y.npy} (several outputs would be {@code y_<i>.npy}). */
    Optional<NdArray> y() {
        return existing(dir.resolve("y.npy")).map(KerasCase::npy);
    }

    private static NdArray npy(Path file) {
        try {
            return Npy.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code model.h5}, {@code model.keras} or another {@code model.*} file. */
    private static Path modelFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("model."))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the case " + dir + " has no model.* file"));
        }
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
