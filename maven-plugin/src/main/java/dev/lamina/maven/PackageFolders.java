package dev.lamina.maven;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * Checks a package name (from a spec's folder or the {@code packageName} parameter) before any
 * code is generated, saying which part is wrong and how a folder could be renamed.
 */
final class PackageFolders {
    private PackageFolders() {}

    /** Why {@code packageName} is not a Java package name, or null when it is one (empty is the default package). */
    static String problem(String packageName) {
        if (packageName.isEmpty()) {
            return null;
        }
        for (String part : packageName.split("\\.", -1)) {
            String reason = partProblem(part);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** {@code folder} (parts separated by {@code /}) with each part that is not a Java name made into one. */
    static String suggestion(String folder) {
        List<String> parts = new ArrayList<>();
        for (String part : folder.split("/", -1)) {
            parts.add(partProblem(part) == null ? part : fixed(part));
        }
        return String.join("/", parts);
    }

    private static String partProblem(String part) {
        if (part.isEmpty()) {
            return "it has an empty part";
        }
        if (SourceVersion.isKeyword(part)) {
            return "'" + part + "' is a Java keyword";
        }
        if (!SourceVersion.isIdentifier(part)) {
            return "'" + part + "' is not a Java identifier";
        }
        return null;
    }

    private static String fixed(String part) {
        if (SourceVersion.isKeyword(part)) {
            return part + "_";
        }
        StringBuilder name = new StringBuilder();
        part.codePoints().forEach(c -> name.appendCodePoint(Character.isJavaIdentifierPart(c) ? c : '_'));
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }
}
