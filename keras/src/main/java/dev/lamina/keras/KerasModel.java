package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Keras model config: a {@code Sequential} (a layer list) or a functional model ({@code
 * Functional}, Keras 2's {@code Model}: layers with {@code inbound_nodes}), in Keras 2, tf.keras
 * and Keras 3 spellings.
 */
final class KerasModel {
    static final String INPUT_LAYER = "InputLayer";

    /** One input of a layer call: {@code [layer, node_index, tensor_index]}. */
    record TensorRef(String layer, int nodeIndex, int tensorIndex) {}

    /**
     * An input of the model: its Keras name (the InputLayer's; for a Sequential model without one,
     * {@code <first layer>_input}, as Keras 2 names it), batch shape, dtype, and where the shape
     * comes from.
     */
    record Input(String name, List<Integer> batchShape, String dtype, String origin) {}

    private final String className;
    private final String name;
    private final boolean functional;
    /** Keras's {@code model.layers}: a Sequential's without its InputLayer, a functional model's with. */
    private final List<LayerConfig> layers;

    private final List<JsonNode> rawLayers;
    private final Map<String, List<List<TensorRef>>> calls;
    private final List<TensorRef> inputs;
    private final List<TensorRef> outputs;
    private final Optional<JsonNode> buildInputShape;

    private KerasModel(
            String className,
            String name,
            boolean functional,
            List<LayerConfig> layers,
            List<JsonNode> rawLayers,
            Map<String, List<List<TensorRef>>> calls,
            List<TensorRef> inputs,
            List<TensorRef> outputs,
            Optional<JsonNode> buildInputShape) {
        this.className = className;
        this.name = name;
        this.functional = functional;
        this.layers = layers;
        this.rawLayers = rawLayers;
        this.calls = calls;
        this.inputs = inputs;
        this.outputs = outputs;
        this.buildInputShape = buildInputShape;
    }

    /** Parses {@code {"class_name": ..., "config": ...}}; {@code source} names the file in errors. */
    static KerasModel parse(JsonNode top, String source) throws KerasImportException {
        String className = top.path("class_name").asText("");
        JsonNode config = top.get("config");
        if (className.isEmpty() || config == null) {
            throw new KerasImportException(
                    source + ": the model config has no class_name and config: not a Keras" + " model config");
        }
        Optional<JsonNode> topBuildShape = nonNull(top.path("build_config").get("input_shape"));
        switch (className) {
            case "Sequential" -> {
                JsonNode list = config.isArray() ? config : config.get("layers");
                String name = config.isObject() ? config.path("name").asText("sequential") : "sequential";
                List<JsonNode> raw = elements(list, source, "layers");
                List<LayerConfig> all = layerConfigs(raw, source);
                List<LayerConfig> layers = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).className().equals(INPUT_LAYER)) {
                        if (i > 0) {
                            throw new KerasImportException(source + ": the Sequential model has an InputLayer ('"
                                    + all.get(i).name() + "') after its first layer");
                        }
                    } else {
                        layers.add(all.get(i));
                    }
                }
                Optional<JsonNode> buildShape =
                        config.isObject() ? nonNull(config.get("build_input_shape")) : Optional.empty();
                return new KerasModel(
                        className,
                        name,
                        false,
                        List.copyOf(layers),
                        raw,
                        Map.of(),
                        List.of(),
                        List.of(),
                        buildShape.or(() -> topBuildShape));
            }
            case "Functional", "Model" -> {
                List<JsonNode> raw = elements(config.get("layers"), source, "layers");
                List<LayerConfig> layers = layerConfigs(raw, source);
                Map<String, List<List<TensorRef>>> calls = new HashMap<>();
                for (int i = 0; i < raw.size(); i++) {
                    calls.put(layers.get(i).name(), calls(raw.get(i), layers.get(i), source));
                }
                return new KerasModel(
                        className,
                        config.path("name").asText("model"),
                        true,
                        List.copyOf(layers),
                        raw,
                        calls,
                        endpoints(config.get("input_layers"), source, "input_layers"),
                        endpoints(config.get("output_layers"), source, "output_layers"),
                        Optional.empty());
            }
            default -> {
                String registered = top.path("registered_name").asText(className);
                throw new KerasImportException(source + ": the model is of class " + registered
                        + ", a subclassed Keras model: its config has no layer graph, so there is nothing to import;"
                        + " Lamina imports Sequential and functional models of built-in layers");
            }
        }
    }

    /** {@code Sequential}, {@code Functional} or {@code Model}. */
    String className() {
        return className;
    }

    /** The Keras model's name, e.g. {@code sequential_1}. */
    String name() {
        return name;
    }

    /** Keras's {@code model.layers}, the order weight files follow. */
    List<LayerConfig> layers() {
        return layers;
    }

    /** The layers that compute something (every layer but InputLayers), in model order. */
    List<LayerConfig> computingLayers() {
        return layers.stream().filter(l -> !l.className().equals(INPUT_LAYER)).toList();
    }

    /**
     * The model as a graph: its inputs in Keras's {@code input_layers} order and its layer calls in
     * an order where each reads only inputs and earlier calls, the output's call last. A Sequential
     * model is the chain case.
     *
     * @throws KerasImportException for a functional model Lamina cannot write: several outputs, a
     *     shared layer (called more than once), a layer off every path to the output
     */
    KerasGraph graph() throws KerasImportException {
        if (!functional) {
            Input input = input();
            List<KerasGraph.Node> nodes = new ArrayList<>();
            String previous = input.name();
            for (LayerConfig layer : layers) {
                nodes.add(new KerasGraph.Node(layer, List.of(previous)));
                previous = layer.name();
            }
            return new KerasGraph(List.of(input), nodes);
        }
        if (outputs.size() != 1) {
            throw structure(
                    "a model with " + outputs.size() + " outputs",
                    "it has " + outputs.size() + " outputs ("
                            + String.join(
                                    ", ", outputs.stream().map(TensorRef::layer).toList())
                            + "); a Lamina model has one output");
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            positions.put(layers.get(i).name(), i);
        }
        for (LayerConfig layer : computingLayers()) {
            int callCount = calls.get(layer.name()).size();
            if (callCount > 1) {
                throw UnsupportedKerasException.option(
                        layer.name(),
                        layer.className(),
                        "a shared layer (called " + callCount + " times in model '" + name + "')",
                        "each Lamina layer is called once, with weights of its own; give each call its own"
                                + " layer in Keras, or share the weights after the import");
            }
        }
        List<Input> graphInputs = new ArrayList<>();
        for (TensorRef ref : inputs) {
            Integer position = positions.get(ref.layer());
            if (position == null || !layers.get(position).className().equals(INPUT_LAYER)) {
                throw new KerasImportException("the model's input '" + ref.layer() + "' is not one of its InputLayers");
            }
            graphInputs.add(
                    inputLayer(layers.get(position), rawLayers.get(position).get("config")));
        }
        List<KerasGraph.Node> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        visit(outputs.get(0), positions, new HashSet<>(), done, ordered);
        for (LayerConfig layer : computingLayers()) {
            if (!done.contains(layer.name())) {
                throw structure(
                        "a layer off the path to the output",
                        "layer '" + layer.name() + "' (" + layer.className()
                                + ") is not on a path from an input to the output");
            }
        }
        return new KerasGraph(graphInputs, inKerasOrder(ordered, positions));
    }

    /**
     * The calls in Keras's layer order when that order has every call after what it reads and the
     * output last (as Keras writes it), else in {@code ordered}'s order. Weight files follow Keras's
     * order, so a spec in that order loads Keras weights by position too.
     */
    private static List<KerasGraph.Node> inKerasOrder(List<KerasGraph.Node> ordered, Map<String, Integer> positions) {
        List<KerasGraph.Node> sorted = new ArrayList<>(ordered);
        sorted.sort(java.util.Comparator.comparing(n -> positions.get(n.layer().name())));
        if (!sorted.get(sorted.size() - 1).equals(ordered.get(ordered.size() - 1))) {
            return ordered;
        }
        Set<String> defined = new HashSet<>();
        for (KerasGraph.Node node : sorted) {
            for (String source : node.sources()) {
                if (positions.containsKey(source)
                        && !defined.contains(source)
                        && ordered.stream().anyMatch(n -> n.layer().name().equals(source))) {
                    return ordered;
                }
            }
            defined.add(node.layer().name());
        }
        return List.copyOf(sorted);
    }

    /** Adds the calls {@code ref} depends on, then its own, to {@code ordered} (depth first). */
    private void visit(
            TensorRef ref,
            Map<String, Integer> positions,
            Set<String> visiting,
            Set<String> done,
            List<KerasGraph.Node> ordered)
            throws KerasImportException {
        Integer position = positions.get(ref.layer());
        if (position == null) {
            throw new KerasImportException("the model refers to a layer '" + ref.layer() + "' it does not have");
        }
        LayerConfig layer = layers.get(position);
        if (ref.tensorIndex() != 0) {
            throw new KerasImportException(
                    "the model reads output " + ref.tensorIndex() + " of " + layer.label() + ", which has one output");
        }
        if (layer.className().equals(INPUT_LAYER)) {
            if (inputs.stream().noneMatch(i -> i.layer().equals(layer.name()))) {
                throw new KerasImportException(layer.label() + " is read but is not among the model's input_layers");
            }
            return;
        }
        if (done.contains(layer.name())) {
            return;
        }
        if (!visiting.add(layer.name())) {
            throw new KerasImportException("the model's layers form a cycle through " + layer.label());
        }
        List<List<TensorRef>> layerCalls = calls.get(layer.name());
        if (layerCalls.isEmpty() || ref.nodeIndex() != 0) {
            throw new KerasImportException("the model reads call " + ref.nodeIndex() + " of " + layer.label()
                    + ", which is called " + layerCalls.size() + " time" + (layerCalls.size() == 1 ? "" : "s"));
        }
        List<String> sources = new ArrayList<>();
        for (TensorRef arg : layerCalls.get(0)) {
            visit(arg, positions, visiting, done, ordered);
            sources.add(arg.layer());
        }
        if (sources.isEmpty()) {
            throw new KerasImportException(layer.label() + " reads no tensor");
        }
        visiting.remove(layer.name());
        done.add(layer.name());
        ordered.add(new KerasGraph.Node(layer, sources));
    }

    /** A Sequential model's input: its InputLayer, else the first layer's batch_input_shape, else the built shape. */
    private Input input() throws KerasImportException {
        JsonNode first = rawLayers.isEmpty() ? null : rawLayers.get(0);
        if (first != null && first.path("class_name").asText("").equals(INPUT_LAYER)) {
            LayerConfig layer = new LayerConfig(layerName(first), INPUT_LAYER, first.get("config"));
            return inputLayer(layer, first.get("config"));
        }
        if (first != null
                && nonNull(first.path("config").get("batch_input_shape")).isPresent()) {
            JsonNode config = first.get("config");
            return new Input(
                    implicitInputName(),
                    shape(config.get("batch_input_shape"), "batch_input_shape"),
                    config.path("dtype").asText("float32"),
                    "batch_input_shape of layer '" + layerName(first) + "'");
        }
        if (buildInputShape.isPresent()) {
            return new Input(
                    implicitInputName(),
                    shape(buildInputShape.get(), "build_input_shape"),
                    "float32",
                    "the built input shape");
        }
        throw new KerasImportException("the model has no input shape (no InputLayer, no batch_input_shape, never"
                + " built): build it in Keras, e.g. with model.build(input_shape), and save it again");
    }

    /** {@code <first layer>_input}, made unique among the layer names. */
    private String implicitInputName() {
        String name = (layers.isEmpty() ? "sequential" : layers.get(0).name()) + "_input";
        while (true) {
            String candidate = name;
            if (layers.stream().noneMatch(l -> l.name().equals(candidate))) {
                return name;
            }
            name = "_" + name;
        }
    }

    private Input inputLayer(LayerConfig layer, JsonNode config) throws KerasImportException {
        if (layer.bool("sparse", false)) {
            throw layer.unsupported("sparse=true", "Lamina takes dense inputs");
        }
        if (layer.bool("ragged", false)) {
            throw layer.unsupported("ragged=true", "Lamina takes dense inputs");
        }
        JsonNode shape = nonNull(config.get("batch_input_shape"))
                .or(() -> nonNull(config.get("batch_shape")))
                .orElseThrow(
                        () -> new KerasImportException(layer.label() + " has no batch_input_shape or batch_shape"));
        JsonNode dtype = config.get("dtype");
        String dtypeName = dtype == null
                ? "float32"
                : dtype.isTextual()
                        ? dtype.asText()
                        : dtype.path("config").path("name").asText("float32");
        return new Input(layer.name(), shape(shape, "batch shape"), dtypeName, "InputLayer '" + layer.name() + "'");
    }

    private static List<Integer> shape(JsonNode node, String what) throws KerasImportException {
        if (!node.isArray() || node.size() < 2) {
            throw new KerasImportException(
                    "the model's " + what + " " + node + " is not a batch shape such as" + " [null, 16, 3]");
        }
        List<Integer> dims = new ArrayList<>();
        for (JsonNode d : node) {
            if (d.isNull()) {
                dims.add(null);
            } else if (d.isIntegralNumber() && d.intValue() > 0) {
                dims.add(d.intValue());
            } else {
                throw new KerasImportException("the model's " + what + " " + node + " has a dimension " + d);
            }
        }
        return Collections.unmodifiableList(dims);
    }

    private UnsupportedKerasException structure(String option, String reason) {
        return UnsupportedKerasException.structure(
                name,
                className,
                option,
                "model '" + name + "' (" + className + "): " + reason
                        + "; Lamina imports functional models with one output whose layers are each called once");
    }

    private static List<JsonNode> elements(JsonNode list, String source, String what) throws KerasImportException {
        if (list == null || !list.isArray()) {
            throw new KerasImportException(source + ": the model config has no " + what + " list");
        }
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        return List.copyOf(items);
    }

    private static List<LayerConfig> layerConfigs(List<JsonNode> raw, String source) throws KerasImportException {
        List<LayerConfig> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : raw) {
            String className = entry.path("class_name").asText("");
            JsonNode config = entry.get("config");
            if (className.isEmpty() || config == null || !config.isObject()) {
                throw new KerasImportException(
                        source + ": a layer entry has no class_name or config: " + abbreviated(entry));
            }
            String name = layerName(entry);
            if (!names.add(name)) {
                throw new KerasImportException(source + ": two layers are named '" + name + "'");
            }
            layers.add(new LayerConfig(name, className, config));
        }
        return layers;
    }

    private static String layerName(JsonNode entry) {
        String name = entry.path("config").path("name").asText("");
        return name.isEmpty() ? entry.path("name").asText("") : name;
    }

    /** The calls of a functional layer: Keras 2 nested lists or Keras 3 {"args", "kwargs"} nodes. */
    private static List<List<TensorRef>> calls(JsonNode entry, LayerConfig layer, String source)
            throws KerasImportException {
        JsonNode nodes = entry.get("inbound_nodes");
        List<List<TensorRef>> calls = new ArrayList<>();
        if (nodes == null || !nodes.isArray()) {
            return calls;
        }
        for (JsonNode node : nodes) {
            List<TensorRef> refs = new ArrayList<>();
            if (node.isObject()) {
                collectKerasTensors(node.get("args"), refs);
                collectKerasTensors(node.get("kwargs"), refs);
            } else if (node.isArray()) {
                for (JsonNode ref : node) {
                    refs.add(tensorRef(ref, layer, source));
                }
            } else {
                throw new KerasImportException(source + ": " + layer.label() + " has a malformed inbound node " + node);
            }
            calls.add(List.copyOf(refs));
        }
        return calls;
    }

    private static void collectKerasTensors(JsonNode node, List<TensorRef> refs) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.path("class_name").asText("").equals("__keras_tensor__")) {
            JsonNode history = node.path("config").path("keras_history");
            refs.add(new TensorRef(
                    history.path(0).asText(""),
                    history.path(1).asInt(0),
                    history.path(2).asInt(0)));
            return;
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectKerasTensors(child, refs));
        }
    }

    private static TensorRef tensorRef(JsonNode ref, LayerConfig layer, String source) throws KerasImportException {
        if (!ref.isArray() || ref.size() < 3 || !ref.get(0).isTextual()) {
            throw new KerasImportException(source + ": " + layer.label() + " has a malformed inbound tensor " + ref);
        }
        return new TensorRef(ref.get(0).asText(), ref.get(1).asInt(), ref.get(2).asInt());
    }

    private static List<TensorRef> endpoints(JsonNode list, String source, String what) throws KerasImportException {
        if (list == null || !list.isArray()) {
            throw new KerasImportException(source + ": the functional model config has no " + what);
        }
        if (list.size() > 0 && list.get(0).isTextual()) {
            return List.of(new TensorRef(
                    list.get(0).asText(), list.path(1).asInt(0), list.path(2).asInt(0)));
        }
        List<TensorRef> refs = new ArrayList<>();
        for (JsonNode ref : list) {
            if (!ref.isArray() || ref.size() < 1 || !ref.get(0).isTextual()) {
                throw new KerasImportException(source + ": the model's " + what + " entry " + ref + " is malformed");
            }
            refs.add(new TensorRef(
                    ref.get(0).asText(), ref.path(1).asInt(0), ref.path(2).asInt(0)));
        }
        return List.copyOf(refs);
    }

    private static Optional<JsonNode> nonNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    private static String abbreviated(JsonNode node) {
        String text = Objects.toString(node);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
