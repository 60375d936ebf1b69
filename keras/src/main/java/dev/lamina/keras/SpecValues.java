package dev.lamina.keras;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/** How values are written in a {@code .lamina} spec: names bare or quoted, numbers as Keras shows them. */
final class SpecValues {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Words a bare name cannot be: the keywords, and the spellings of booleans. */
    private static final Set<String> RESERVED =
            Set.of("model", "input", "train", "int", "float", "None", "true", "false", "True", "False");

    private SpecValues() {}

    /** Whether {@code name} can be written without quotes. */
    static boolean isBareName(String name) {
        return IDENT.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** A layer name: bare when it can be, else in double quotes. */
    static String name(String name) {
        return isBareName(name) ? name : "\"" + name + "\"";
    }

    /** Whether a layer name can be written at all (quoted names cannot hold quotes or line breaks). */
    static boolean isWritableName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(c -> c == '"' || c == '\n' || c == '\r' || c == '/');
    }

    /** A number with a decimal point: {@code 0.5}, {@code 1.0}, {@code 1.0E-7}. */
    static String number(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        if (plain.length() > 12) {
            return Double.toString(value);
        }
        return plain.contains(".") ? plain : plain + ".0";
    }
}
