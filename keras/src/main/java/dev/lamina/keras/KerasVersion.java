package dev.lamina.keras;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Keras version that wrote a file, as the file records it ({@code keras_version}: {@code
 * 2.3.1}, {@code 2.2.4-tf}, {@code 3.12.0}). Semantics that changed between versions (e.g. {@code
 * hard_sigmoid}) are decided from it.
 */
public record KerasVersion(int major, int minor, String text) {
    private static final Pattern LEADING = Pattern.compile("(\\d+)\\.(\\d+)");

    public KerasVersion {
        Objects.requireNonNull(text, "text");
    }

    /** Parses a recorded version; {@code source} names the file in the error. */
    public static KerasVersion parse(String text, String source) throws KerasImportException {
        Matcher m = LEADING.matcher(text.strip());
        if (!m.lookingAt()) {
            throw new KerasImportException(source + " records keras_version '" + text + "', which is not a version");
        }
        return new KerasVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text.strip());
    }

    /** Keras 3 or later (the multi-backend Keras of {@code .keras} archives). */
    public boolean isKeras3() {
        return major >= 3;
    }

    @Override
    public String toString() {
        return text;
    }
}
