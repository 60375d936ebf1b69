package dev.lamina.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the files Keras writes, whatever their names: a legacy HDF5 model file ({@code
 * model_config} and {@code /model_weights}), a Keras 3 {@code .keras} zip ({@code config.json},
 * {@code metadata.json}, {@code model.weights.h5}), an architecture JSON with a weights-only HDF5
 * file (legacy or Keras 3 layout).
 */
final class KerasFiles {
    static final String ARCHIVE_CONFIG = "config.json";
    static final String ARCHIVE_METADATA = "metadata.json";
    static final String ARCHIVE_WEIGHTS = "model.weights.h5";
    private static final String ARCHIVE_NPZ_WEIGHTS = "model.weights.npz";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasFiles() {}

    /** A whole model in one file: legacy HDF5 or a Keras 3 archive. */
    static KerasSource model(Path file) throws KerasImportException {
        byte[] bytes = readAll(file);
        String name = file.toString();
        return switch (FileFormat.of(bytes, name)) {
            case HDF5 -> hdf5Model(bytes, name);
            case ZIP -> archive(bytes, name);
            case JSON -> throw new KerasImportException(name + " is a model's architecture JSON (model.to_json()),"
                    + " which has no weights: give the weights file too, e.g. lamina import " + name
                    + " --weights weights.h5");
        };
    }

    /** An architecture JSON ({@code model.to_json()}) and a weights file ({@code save_weights}). */
    static KerasSource pair(Path jsonFile, Path weightsFile) throws KerasImportException {
        byte[] jsonBytes = readAll(jsonFile);
        String jsonName = jsonFile.toString();
        if (FileFormat.of(jsonBytes, jsonName) != FileFormat.JSON) {
            throw new KerasImportException(
                    jsonName + " is a whole model file, not an architecture JSON: import it" + " without --weights");
        }
        JsonNode config = json(jsonBytes, jsonName);
        WeightsFile weights = weights(weightsFile);
        Optional<KerasVersion> version = textField(config, "keras_version", jsonName);
        if (version.isEmpty()) {
            version = weights.version();
        }
        String description = jsonFile.getFileName() + " with " + weightsFile.getFileName() + " (architecture JSON and "
                + weights.kind() + details(version, weights.store()) + ")";
        return new KerasSource(jsonName + " with " + weightsFile, description, config, version, weights.store());
    }

    /** A weights file: legacy HDF5 (weights-only or a whole model), Keras 3 weights, or a .keras archive. */
    static WeightsFile weights(Path file) throws KerasImportException {
        byte[] bytes = readAll(file);
        String name = file.toString();
        return switch (FileFormat.of(bytes, name)) {
            case HDF5 -> hdf5Weights(bytes, name);
            case ZIP -> {
                KerasSource archive = archive(bytes, name);
                yield new WeightsFile(archive.weights(), archive.version(), "Keras archive");
            }
            case JSON -> throw new KerasImportException(
                    name + " is a model's architecture JSON, not a weights file: give the .h5 weights");
        };
    }

    /** Weights read from a file, with the version it records and what kind of file it was. */
    record WeightsFile(WeightStore store, Optional<KerasVersion> version, String kind) {}

    private static WeightsFile hdf5Weights(byte[] bytes, String name) throws KerasImportException {
        try (Hdf5File h5 = Hdf5File.open(bytes, name)) {
            Optional<KerasVersion> version = version(h5, "", name);
            if (LegacyWeights.hasLayout(h5, "")) {
                return new WeightsFile(LegacyWeights.read(h5, ""), version, "HDF5 weights");
            }
            if (LegacyWeights.hasLayout(h5, "model_weights")) {
                return new WeightsFile(LegacyWeights.read(h5, "model_weights"), version, "HDF5 model file");
            }
            if (Keras3Weights.hasLayout(h5)) {
                return new WeightsFile(Keras3Weights.read(h5), version, "Keras 3 HDF5 weights");
            }
            throw new KerasImportException(name + " is an HDF5 file without Keras weights (it has neither a"
                    + " layer_names attribute nor a /layers group)");
        }
    }

    private static KerasSource hdf5Model(byte[] bytes, String name) throws KerasImportException {
        try (Hdf5File h5 = Hdf5File.open(bytes, name)) {
            Optional<String> modelConfig = h5.stringAttribute("", "model_config");
            if (modelConfig.isEmpty()) {
                if (LegacyWeights.hasLayout(h5, "") || Keras3Weights.hasLayout(h5)) {
                    throw new KerasImportException(name + " holds weights only (it has no model_config attribute):"
                            + " import it with the model's architecture JSON, e.g. lamina import model.json --weights "
                            + name);
                }
                throw new KerasImportException(
                        name + " is an HDF5 file without a model_config attribute: not a Keras model file");
            }
            JsonNode config = json(
                    modelConfig.get().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    name + " (its model_config attribute)");
            Optional<KerasVersion> version = version(h5, "", name);
            if (version.isEmpty() && h5.isGroup("model_weights")) {
                version = version(h5, "model_weights", name);
            }
            if (!LegacyWeights.hasLayout(h5, "model_weights")) {
                throw new KerasImportException(name + " has a model_config but no weights (no /model_weights group with"
                        + " a layer_names attribute)");
            }
            WeightStore weights = LegacyWeights.read(h5, "model_weights");
            return new KerasSource(
                    name,
                    Path.of(name).getFileName() + " (HDF5 model file" + details(version, weights) + ")",
                    config,
                    version,
                    weights);
        }
    }

    private static KerasSource archive(byte[] bytes, String name) throws KerasImportException {
        Map<String, byte[]> entries = ZipEntries.read(
                bytes, name, Set.of(ARCHIVE_CONFIG, ARCHIVE_METADATA, ARCHIVE_WEIGHTS, ARCHIVE_NPZ_WEIGHTS));
        if (!entries.containsKey(ARCHIVE_CONFIG)) {
            throw new KerasImportException(
                    name + " is a zip archive without " + ARCHIVE_CONFIG + ": not a Keras model archive (.keras)");
        }
        if (!entries.containsKey(ARCHIVE_WEIGHTS)) {
            throw new KerasImportException(name + " has no " + ARCHIVE_WEIGHTS
                    + (entries.containsKey(ARCHIVE_NPZ_WEIGHTS)
                            ? " (its weights are in " + ARCHIVE_NPZ_WEIGHTS + ", which Lamina does not read; save the"
                                    + " model with the default weights format)"
                            : ", so it holds no weights"));
        }
        JsonNode config = json(entries.get(ARCHIVE_CONFIG), name + "!/" + ARCHIVE_CONFIG);
        Optional<KerasVersion> version = Optional.empty();
        if (entries.containsKey(ARCHIVE_METADATA)) {
            String metadata = name + "!/" + ARCHIVE_METADATA;
            version = textField(json(entries.get(ARCHIVE_METADATA), metadata), "keras_version", metadata);
        }
        String weightsName = name + "!/" + ARCHIVE_WEIGHTS;
        try (Hdf5File h5 = Hdf5File.open(entries.get(ARCHIVE_WEIGHTS), weightsName)) {
            if (!Keras3Weights.hasLayout(h5)) {
                throw new KerasImportException(weightsName + " has no /layers group: not Keras 3 weights");
            }
            WeightStore weights = Keras3Weights.read(h5);
            return new KerasSource(
                    name,
                    Path.of(name).getFileName() + " (Keras archive" + details(version, weights) + ")",
                    config,
                    version,
                    weights);
        }
    }

    private static String details(Optional<KerasVersion> version, WeightStore weights) {
        return version.map(v -> ", Keras " + v).orElse(", Keras version not recorded")
                + weights.backend().map(b -> ", " + b + " backend").orElse("");
    }

    private static Optional<KerasVersion> version(Hdf5File h5, String path, String name) throws KerasImportException {
        Optional<String> text = h5.stringAttribute(path, "keras_version");
        return text.isEmpty() ? Optional.empty() : Optional.of(KerasVersion.parse(text.get(), name));
    }

    private static Optional<KerasVersion> textField(JsonNode node, String field, String name)
            throws KerasImportException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new KerasImportException(name + ": " + field + " is not a string");
        }
        return Optional.of(KerasVersion.parse(value.asText(), name));
    }

    private static JsonNode json(byte[] bytes, String name) throws KerasImportException {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new KerasImportException(name + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new KerasImportException(
                    name + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new KerasImportException(name + " cannot be read as JSON: " + e.getMessage());
        }
    }

    private static byte[] readAll(Path file) throws KerasImportException {
        try {
            if (Files.isDirectory(file)) {
                throw new KerasImportException(file + " is a folder, not a Keras file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KerasImportException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new KerasImportException(file + ": permission denied");
        } catch (IOException e) {
            throw new KerasImportException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
