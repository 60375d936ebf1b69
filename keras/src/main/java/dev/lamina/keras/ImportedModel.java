package dev.lamina.keras;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Weights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Keras model imported as a Lamina spec and its weights: the spec text (checked by the
 * compiler), the checked model, and every parameter's values keyed {@code layer/name}.
 *
 * @param name the Lamina model name, which also names the files ({@code <name>.lamina}, {@code
 *     <name>.weights})
 * @param specText the {@code .lamina} text
 * @param model the spec compiled and checked
 * @param weights every parameter of the model, in parameter order, in Keras's layouts
 * @param source where it comes from, e.g. {@code model.h5 (HDF5 model file, Keras 2.3.1, tensorflow backend)}
 * @param kerasInputs the Keras name of each input of the spec, in the spec's order (the InputLayers'
 *     names; {@code input} for a Sequential model without an InputLayer)
 */
public record ImportedModel(
        String name,
        String specText,
        CheckedModel model,
        Map<String, NdArray> weights,
        String source,
        List<String> kerasInputs) {
    public ImportedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specText, "specText");
        Objects.requireNonNull(model, "model");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        Objects.requireNonNull(source, "source");
        kerasInputs = List.copyOf(kerasInputs);
    }

    /** {@code <name>.lamina}. */
    public String specFileName() {
        return name + ".lamina";
    }

    /** {@code <name>.weights}. */
    public String weightsFileName() {
        return name + ".weights";
    }

    /** The paths {@link #write} writes. */
    public record WrittenFiles(Path spec, Path weights) {}

    /**
     * Writes {@code <name>.lamina} and {@code <name>.weights} into {@code dir} (created if missing),
     * replacing existing files: both are written to temporary files first and moved into place only
     * when both are complete.
     */
    public WrittenFiles write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path spec = dir.resolve(specFileName());
        Path weightsFile = dir.resolve(weightsFileName());
        List<Path> temps = new ArrayList<>();
        try {
            Path specTemp = temp(spec);
            temps.add(specTemp);
            Files.writeString(specTemp, specText, StandardCharsets.UTF_8);
            Path weightsTemp = temp(weightsFile);
            temps.add(weightsTemp);
            Weights.write(weightsTemp, weights);
            move(specTemp, spec);
            move(weightsTemp, weightsFile);
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
        return new WrittenFiles(spec, weightsFile);
    }

    /** An interpreter running the model with the imported weights. */
    public Model newInterpreter() {
        Model interpreter = new Interpreter(model.spec(), 0);
        setWeights(interpreter);
        return interpreter;
    }

    /** Sets the imported weights into {@code target}, a model of this spec (interpreter or generated). */
    public void setWeights(Model target) {
        weights.forEach((key, value) -> target.parameter(key).set(value.data()));
    }

    private static Path temp(Path target) {
        return target.toAbsolutePath()
                .resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
