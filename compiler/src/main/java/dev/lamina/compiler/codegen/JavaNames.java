package dev.lamina.compiler.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Maps spec identifiers (model and layer names, which may hold anything) to safe Java names, and
 * spec text to safe comment text. A name never reaches generated code verbatim except inside a
 * string literal escaped by JavaPoet.
 */
final class JavaNames {
    /**
     * Simple names the generated class refers to or that java.lang exports: a class with one of
     * these names would shadow a type it uses.
     */
    private static final Set<String> RESERVED_CLASS_NAMES = Set.of(
            "AbstractModel",
            "Activation",
            "Arrays",
            "Float",
            "Functions",
            "Generated",
            "Initializer",
            "InputSpec",
            "Integer",
            "LayerSpec",
            "List",
            "LossKind",
            "Math",
            "Model",
            "ModelSpec",
            "Object",
            "Optional",
            "OptimizerSpec",
            "Override",
            "Padding",
            "Parameter",
            "PoolKind",
            "Shape",
            "String",
            "System",
            "TrainingSpec",
            "UnsupportedOperationException",
            "SplittableRandom",
            "Boolean",
            "Byte",
            "Character",
            "Class",
            "Deprecated",
            "Double",
            "Enum",
            "Error",
            "Exception",
            "Long",
            "Number",
            "Record",
            "Runtime",
            "RuntimeException",
            "Short",
            "Thread",
            "Void",
            "IllegalArgumentException",
            "IllegalStateException");

    private JavaNames() {}

    /** Whether {@code name} is a valid Java package name (empty means the default package). */
    static boolean isValidPackage(String name) {
        return name.isEmpty() || SourceVersion.isName(name);
    }

    /**
     * An UpperCamelCase class name from a model name: words are runs of ASCII letters and digits;
     * a name that would start with a digit, be empty, be a keyword or shadow a used type gets a
     * {@code Model} prefix or suffix.
     */
    static String className(String modelName) {
        String camel = camel(modelName, true);
        if (camel.isEmpty()) {
            return "Model";
        }
        if (!Character.isJavaIdentifierStart(camel.charAt(0))) {
            camel = "Model" + camel;
        }
        if (RESERVED_CLASS_NAMES.contains(camel) || !SourceVersion.isName(camel)) {
            camel = camel + "Model";
        }
        return camel;
    }

    /**
     * One lowerCamelCase member prefix per layer, in order, unique within the model ({@code
     * conv1d_1} becomes {@code conv1d1}); a prefix that could collide with another's members
     * ({@code aOut} + {@code Grad} against {@code a} + {@code OutGrad}) is lower-cased and numbered.
     */
    static List<String> layerPrefixes(List<String> layerNames) {
        List<String> used = new ArrayList<>();
        return layerNames.stream()
                .map(name -> {
                    String base = camel(name, false);
                    if (base.isEmpty() || !Character.isJavaIdentifierStart(base.charAt(0))) {
                        base = "layer" + base;
                    }
                    String candidate = base;
                    for (int i = 2; clashes(candidate, used); i++) {
                        candidate = base.toLowerCase(Locale.ROOT) + "_" + i;
                    }
                    used.add(candidate);
                    return candidate;
                })
                .toList();
    }

    /** A camelCase prefix as a constant name: {@code conv1d1} to {@code CONV1D1}, {@code addSkip} to {@code ADD_SKIP}. */
    static String constantName(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /**
     * Spec text made safe for a Javadoc or line comment: printable ASCII only, with backslashes
     * (unicode escapes are decoded even in comments), comment terminators and HTML specials
     * replaced.
     */
    static String commentText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\') {
                out.append("&#92;");
            } else if (ch == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                out.append("&#42;");
            } else if (ch == '<') {
                out.append("&lt;");
            } else if (ch == '>') {
                out.append("&gt;");
            } else if (ch == '&') {
                out.append("&amp;");
            } else if (ch == '@') {
                out.append("&#64;");
            } else if (ch == '$') {
                out.append("&#36;");
            } else if (ch < 0x20 || ch > 0x7e) {
                out.append('?');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * Whether members of {@code candidate} could collide with those of a used prefix: equal, or one
     * is the other followed by an upper-case letter ({@code aOut} + {@code Grad} vs {@code a} +
     * {@code OutGrad}).
     */
    private static boolean clashes(String candidate, List<String> used) {
        for (String u : used) {
            if (extendsWithWord(candidate, u) || extendsWithWord(u, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean extendsWithWord(String longer, String shorter) {
        return longer.equals(shorter)
                || (longer.startsWith(shorter) && Character.isUpperCase(longer.charAt(shorter.length())));
    }

    private static String camel(String name, boolean upperFirst) {
        StringBuilder out = new StringBuilder();
        boolean upper = upperFirst;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean letterOrDigit = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
            if (!letterOrDigit) {
                upper = out.length() > 0 || upperFirst;
                continue;
            }
            out.append(upper ? Character.toUpperCase(ch) : ch);
            upper = false;
        }
        String result = out.toString();
        if (!upperFirst && !result.isEmpty()) {
            result = result.substring(0, 1).toLowerCase(Locale.ROOT) + result.substring(1);
        }
        return result;
    }
}
