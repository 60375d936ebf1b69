package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Keeps the methods whose code grows with the number of nodes (the pass dispatch, buffer sizing,
 * parameter and spec construction) within the JVM's limits: a method holds at most {@value
 * #NODES_PER_METHOD} nodes' statements; beyond that the statements go to helpers {@code name0},
 * {@code name1}, ... called in order, with the method's own parameters. Small models keep one
 * method.
 */
final class MethodChunks {
    /** Nodes' statements per method: well below 64 KB of bytecode (and the JIT's 8,000 bytes for most kinds). */
    static final int NODES_PER_METHOD = 64;

    private MethodChunks() {}

    /**
     * Adds {@code groups} (one block of statements per node) to {@code method}, inline or as calls to
     * helpers named {@code helperName + k} taking {@code parameters}; returns the helpers to add to the
     * class (none when inline).
     */
    static List<MethodSpec> add(
            MethodSpec.Builder method, String helperName, List<ParameterSpec> parameters, List<CodeBlock> groups) {
        if (groups.size() <= NODES_PER_METHOD) {
            groups.forEach(method::addCode);
            return List.of();
        }
        String arguments = parameters.stream().map(p -> p.name()).collect(Collectors.joining(", "));
        List<MethodSpec> helpers = new ArrayList<>();
        for (int from = 0, k = 0; from < groups.size(); from += NODES_PER_METHOD, k++) {
            int to = Math.min(groups.size(), from + NODES_PER_METHOD);
            String name = helperName + k;
            method.addStatement("$L($L)", name, arguments);
            MethodSpec.Builder helper = MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE)
                    .addJavadoc(
                            "Part $L of $L: nodes $L to $L.\n",
                            k + 1,
                            (groups.size() + NODES_PER_METHOD - 1) / NODES_PER_METHOD,
                            from,
                            to - 1)
                    .addParameters(parameters);
            groups.subList(from, to).forEach(helper::addCode);
            helpers.add(helper.build());
        }
        return helpers;
    }
}
