package dev.lamina.keras;

import dev.lamina.runtime.spec.InputSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the imported model as a readable {@code .lamina} spec: a header saying where it comes
 * from, the inputs, one line per layer with its Keras name, and a comment wherever a Keras option
 * had to be mapped. A graph is written one layer a line as {@code [NAME =] [SOURCE ->] layer(...)}:
 * a line without a source reads the line before, so a chain stays a plain list of layers; a value
 * is bound to a name only when a later line reads it by name, and an input is named only when a
 * line reads it by name or the model has several.
 */
final class SpecWriter {
    /** Comments start at this column at most, so a long line does not push every comment right. */
    private static final int MAX_COMMENT_COLUMN = 64;

    /**
     * An input of the graph.
     *
     * @param tensor its Keras name, which the nodes' sources use
     * @param declaration what follows {@code input [NAME]}, e.g. {@code [16, 3]} or {@code [50] int}
     * @param comment the comment on its line
     */
    record GraphInput(String tensor, String declaration, String comment) {
        GraphInput {
            Objects.requireNonNull(tensor, "tensor");
            Objects.requireNonNull(declaration, "declaration");
            Objects.requireNonNull(comment, "comment");
        }
    }

    /**
     * A layer of the graph and the tensors it reads, by Keras name (an input's or a layer's); its own
     * output is named by the layer's name.
     */
    record GraphNode(LaminaLayer layer, List<String> sources) {
        GraphNode {
            Objects.requireNonNull(layer, "layer");
            sources = List.copyOf(sources);
        }
    }

    private final List<String> header = new ArrayList<>();
    private final List<String[]> lines = new ArrayList<>();

    /** A {@code //} line above the model. */
    SpecWriter header(String line) {
        header.add(line);
        return this;
    }

    /** A line of the model's body with its comment (empty for none). */
    SpecWriter line(String code, String comment) {
        lines.add(new String[] {code, comment});
        return this;
    }

    /**
     * The lines of a graph: its inputs, then its nodes in order (each reading only inputs and earlier
     * nodes; the last is the model's output).
     */
    SpecWriter graph(List<GraphInput> inputs, List<GraphNode> nodes) {
        List<Boolean> explicit = new ArrayList<>();
        Set<String> readByName = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode node = nodes.get(i);
            String previous = i > 0
                    ? nodes.get(i - 1).layer().name()
                    : inputs.size() == 1 ? inputs.get(0).tensor() : null;
            boolean named = node.layer().isMerge()
                    || node.sources().size() != 1
                    || !node.sources().get(0).equals(previous);
            explicit.add(named);
            if (named) {
                readByName.addAll(node.sources());
            }
        }
        // Input names differ from layer names (an unnamed input is called `input`); value names differ
        // from input names and from each other.
        Set<String> layerNames = new HashSet<>();
        nodes.forEach(n -> layerNames.add(n.layer().name()));
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (GraphInput input : inputs) {
            if (inputs.size() > 1
                    || readByName.contains(input.tensor())
                    || layerNames.contains(InputSpec.DEFAULT_NAME)) {
                String name = unique(input.tensor(), taken, layerNames);
                taken.add(name);
                names.put(input.tensor(), name);
            }
        }
        for (GraphNode node : nodes) {
            if (readByName.contains(node.layer().name())) {
                String name = unique(node.layer().name(), taken, Set.of());
                taken.add(name);
                names.put(node.layer().name(), name);
            }
        }
        for (GraphInput input : inputs) {
            String name = names.get(input.tensor());
            line("input " + (name == null ? "" : name + " ") + input.declaration(), input.comment());
        }
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode node = nodes.get(i);
            StringBuilder code = new StringBuilder();
            String binding = names.get(node.layer().name());
            if (binding != null) {
                code.append(binding).append(" = ");
            }
            if (explicit.get(i)) {
                List<String> sources = node.sources().stream().map(names::get).toList();
                code.append(
                                node.layer().isMerge()
                                        ? "[" + String.join(", ", sources) + "]"
                                        : String.join(", ", sources))
                        .append(" -> ");
            }
            code.append(node.layer().text());
            line(code.toString(), String.join("; ", node.layer().notes()));
        }
        return this;
    }

    /**
     * A bare name for a tensor, in neither set: the Keras name when it is one, else its letters,
     * digits and underscores (starting with a letter; a keyword gets a trailing {@code _}), with
     * {@code _2}, {@code _3}... on a clash.
     */
    private static String unique(String kerasName, Set<String> taken, Set<String> alsoTaken) {
        String base = kerasName.replaceAll("[^A-Za-z0-9_]", "_");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
            base = "t_" + base;
        }
        if (!SpecValues.isBareName(base)) {
            base = base + "_";
        }
        String name = base;
        for (int n = 2; taken.contains(name) || alsoTaken.contains(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** The spec of model {@code name} with the lines so far. */
    String write(String name) {
        int column = 0;
        for (String[] line : lines) {
            if (!line[1].isEmpty()) {
                column = Math.max(column, line[0].length());
            }
        }
        column = Math.min(column, MAX_COMMENT_COLUMN);
        StringBuilder text = new StringBuilder();
        for (String line : header) {
            text.append("// ").append(line).append('\n');
        }
        text.append("model ").append(name).append(" {\n");
        for (String[] line : lines) {
            text.append("  ").append(line[0]);
            if (!line[1].isEmpty()) {
                text.append(" ".repeat(Math.max(1, column - line[0].length() + 1)))
                        .append(" // ")
                        .append(line[1]);
            }
            text.append('\n');
        }
        return text.append("}\n").toString();
    }
}
