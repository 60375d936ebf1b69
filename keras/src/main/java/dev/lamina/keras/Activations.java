package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.runtime.spec.Activation;
import java.util.List;
import java.util.Optional;

/**
 * Keras activations (as a config names them) to Lamina's. Only activations whose definition is the
 * same in every Keras version map by name; one whose definition changed between versions is decided
 * from the file's {@code keras_version}, never guessed.
 */
final class Activations {
    /** Keras activations Lamina has, with the same definition in Keras 2 and 3. */
    private static final List<Activation> SAME_IN_EVERY_VERSION = List.of(
            Activation.LINEAR,
            Activation.RELU,
            Activation.TANH,
            Activation.SIGMOID,
            Activation.SOFTMAX,
            Activation.ELU,
            Activation.SOFTPLUS,
            Activation.GELU);

    /** What unsupported-activation errors offer instead. */
    static final String SUPPORTED = "Lamina has the activations "
            + String.join(
                    ", ",
                    SAME_IN_EVERY_VERSION.stream().map(Activation::kerasName).toList());

    private Activations() {}

    /**
     * The Lamina activation for the layer's option {@code key} ({@code linear} when absent).
     *
     * @throws UnsupportedKerasException for an activation Lamina does not have
     */
    static String of(LayerConfig layer, String key, Optional<KerasVersion> version) throws KerasImportException {
        JsonNode value = layer.raw(key);
        if (value == null) {
            return Activation.LINEAR.kerasName();
        }
        String name = name(layer, key, value);
        for (Activation a : SAME_IN_EVERY_VERSION) {
            if (a.kerasName().equals(name)) {
                return name;
            }
        }
        if (name.equals("hard_sigmoid")) {
            throw layer.unsupported(key + "=hard_sigmoid (" + hardSigmoid(layer, version) + ")", SUPPORTED);
        }
        throw layer.unsupported(key + "=" + name, SUPPORTED);
    }

    /** Keras changed hard_sigmoid in 3.0: which one this file means, from its recorded version. */
    private static String hardSigmoid(LayerConfig layer, Optional<KerasVersion> version) throws KerasImportException {
        if (version.isEmpty()) {
            throw new KerasImportException(layer.label() + " uses hard_sigmoid, whose definition changed in Keras 3"
                    + " (clip(0.2*x + 0.5, 0, 1) before, clip(x/6 + 0.5, 0, 1) since), and the files do not record"
                    + " which Keras version wrote them");
        }
        return version.get().isKeras3()
                ? "Keras 3 definition clip(x/6 + 0.5, 0, 1), keras_version " + version.get()
                : "Keras 2 definition clip(0.2*x + 0.5, 0, 1), keras_version " + version.get();
    }

    /** The activation's name: a string, or Keras 3's serialized built-in function. */
    private static String name(LayerConfig layer, String key, JsonNode value) throws KerasImportException {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject()) {
            JsonNode config = value.get("config");
            String className = value.path("class_name").asText("");
            if (className.equals("function") && config != null && config.isTextual()) {
                return config.asText();
            }
            throw layer.unsupported(
                    key + "=" + (className.isEmpty() ? value.toString() : className)
                            + " (a custom or layer activation)",
                    SUPPORTED);
        }
        throw new KerasImportException(
                layer.label() + ": option " + key + " should be an activation name, found " + value);
    }
}
