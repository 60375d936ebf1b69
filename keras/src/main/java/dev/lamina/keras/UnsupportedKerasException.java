package dev.lamina.keras;

import java.util.Objects;
import java.util.Optional;

/**
 * A Keras layer (or an option of one) that Lamina does not have: names the layer, its Keras class,
 * the option when one is to blame, and what Lamina supports instead.
 */
public final class UnsupportedKerasException extends KerasImportException {
    private static final long serialVersionUID = 1L;

    private final String layerName;
    private final String kerasClass;
    private final String option;

    private UnsupportedKerasException(String message, String layerName, String kerasClass, String option) {
        super(message);
        this.layerName = Objects.requireNonNull(layerName, "layerName");
        this.kerasClass = Objects.requireNonNull(kerasClass, "kerasClass");
        this.option = option;
    }

    /** A layer class Lamina has no mapping for; {@code supported} lists what it has. */
    public static UnsupportedKerasException layerClass(String layerName, String kerasClass, String supported) {
        return new UnsupportedKerasException(
                "layer '" + layerName + "' (" + kerasClass + "): Keras " + kerasClass
                        + " layers are not supported; Lamina imports " + supported,
                layerName,
                kerasClass,
                null);
    }

    /**
     * An option of a layer Lamina has, with a value it cannot reproduce; {@code option} is written
     * like {@code max_value=6.0} and {@code supported} says what Lamina supports instead.
     */
    public static UnsupportedKerasException option(
            String layerName, String kerasClass, String option, String supported) {
        return new UnsupportedKerasException(
                "layer '" + layerName + "' (" + kerasClass + "): " + option + " is not supported; " + supported,
                layerName,
                kerasClass,
                option);
    }

    /**
     * A model structure Lamina cannot write yet, e.g. a functional graph with branches; the model's
     * name and class stand for the layer's.
     */
    public static UnsupportedKerasException structure(
            String modelName, String modelClass, String option, String message) {
        return new UnsupportedKerasException(message, modelName, modelClass, option);
    }

    /** The Keras layer's name, e.g. {@code lstm_1}. */
    public String layerName() {
        return layerName;
    }

    /** The Keras class, e.g. {@code LSTM}. */
    public String kerasClass() {
        return kerasClass;
    }

    /** The offending option, e.g. {@code max_value=6.0}; empty when the whole class is unsupported. */
    public Optional<String> option() {
        return Optional.ofNullable(option);
    }
}
