package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Keras layer of a model config ({@code {"class_name", "config": {...}}}) with typed access to
 * its options. A malformed option is an error naming the layer; 1-element lists such as {@code
 * "kernel_size": [3]} read as integers.
 */
final class LayerConfig {
    private final String name;
    private final String className;
    private final JsonNode config;

    LayerConfig(String name, String className, JsonNode config) {
        this.name = Objects.requireNonNull(name, "name");
        this.className = Objects.requireNonNull(className, "className");
        this.config = Objects.requireNonNull(config, "config");
    }

    String name() {
        return name;
    }

    String className() {
        return className;
    }

    /** {@code layer 'conv0' (Conv1D)}. */
    String label() {
        return "layer '" + name + "' (" + className + ")";
    }

    /** Whether the option is present and not null. */
    boolean isSet(String key) {
        JsonNode value = config.get(key);
        return value != null && !value.isNull();
    }

    /** The option's JSON value, or null when absent. */
    JsonNode raw(String key) {
        JsonNode value = config.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** A required integer (or 1-element list of one). */
    int integer(String key) throws KerasImportException {
        return optionalInteger(key).orElseThrow(() -> malformed(key, "an integer", "missing"));
    }

    /** An integer (or 1-element list of one) that may be absent or null. */
    Optional<Integer> optionalInteger(String key) throws KerasImportException {
        JsonNode value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isArray()) {
            if (value.size() != 1) {
                throw malformed(key, "one integer", value.toString());
            }
            value = value.get(0);
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Optional.of(value.intValue());
        }
        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())) {
            return Optional.of((int) value.doubleValue());
        }
        throw malformed(key, "an integer", value.toString());
    }

    /** A list of integers; null entries are returned as null. */
    List<Integer> integerList(String key) throws KerasImportException {
        JsonNode value = raw(key);
        if (value == null || !value.isArray()) {
            throw malformed(key, "a list of integers", value == null ? "missing" : value.toString());
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isNull()) {
                values.add(null);
            } else if (item.isIntegralNumber() && item.canConvertToInt()) {
                values.add(item.intValue());
            } else {
                throw malformed(key, "a list of integers", value.toString());
            }
        }
        return values;
    }

    /** A number, or {@code fallback} when absent or null. */
    double number(String key, double fallback) throws KerasImportException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw malformed(key, "a number", value.toString());
        }
        return value.doubleValue();
    }

    /** A string, or {@code fallback} when absent or null. */
    String text(String key, String fallback) throws KerasImportException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw malformed(key, "a string", value.toString());
        }
        return value.asText();
    }

    /** A boolean, or {@code fallback} when absent or null. */
    boolean bool(String key, boolean fallback) throws KerasImportException {
        JsonNode value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw malformed(key, "true or false", value.toString());
        }
        return value.booleanValue();
    }

    /** An option Lamina cannot reproduce, e.g. {@code option("max_value=6.0", "...")}. */
    UnsupportedKerasException unsupported(String option, String supported) {
        return UnsupportedKerasException.option(name, className, option, supported);
    }

    private KerasImportException malformed(String key, String expected, String found) {
        return new KerasImportException(label() + ": option " + key + " should be " + expected + ", found " + found);
    }
}
