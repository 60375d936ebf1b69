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

    /** Where the model's input shape comes from. */
    record Input(List<Integer> batchShape, String dtype, String origin) {}

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
     * The layers in the order they run, when the model is a plain chain from one input to one output
     * (every sequential model is).
     *
     * @throws KerasImportException for a functional model with branches, several inputs or outputs,
     *     or a layer called more than once
     */
    List<LayerConfig> chain() throws KerasImportException {
        if (!functional) {
            return layers;
        }
        if (inputs.size() != 1) {
            throw branches("it has " + inputs.size() + " inputs");
        }
        if (outputs.size() != 1) {
            throw branches("it has " + outputs.size() + " outputs");
        }
        Map<String, LayerConfig> byName = new HashMap<>();
        for (LayerConfig layer : layers) {
            byName.put(layer.name(), layer);
        }
        List<LayerConfig> reversed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TensorRef current = outputs.get(0);
        while (true) {
            LayerConfig layer = byName.get(current.layer());
            if (layer == null) {
                throw new KerasImportException(
                        "the model refers to a layer '" + current.layer() + "' it does not have");
            }
            if (current.nodeIndex() != 0 || current.tensorIndex() != 0 || !seen.add(layer.name())) {
                throw branches("layer '" + layer.name() + "' is used more than once");
            }
            if (layer.className().equals(INPUT_LAYER)) {
                break;
            }
            List<List<TensorRef>> layerCalls = calls.get(layer.name());
            if (layerCalls.size() != 1) {
                throw branches("layer '" + layer.name() + "' is called " + layerCalls.size() + " times");
            }
            List<TensorRef> args = layerCalls.get(0);
            if (args.size() != 1) {
                throw branches("layer '" + layer.name() + "' takes " + args.size() + " inputs ("
                        + String.join(", ", args.stream().map(TensorRef::layer).toList()) + ")");
            }
            reversed.add(layer);
            current = args.get(0);
        }
        if (!current.layer().equals(inputs.get(0).layer())) {
            throw branches("the output does not come from the model's input");
        }
        for (LayerConfig layer : computingLayers()) {
            if (!seen.contains(layer.name())) {
                throw branches("layer '" + layer.name() + "' is not on the path from the input to the output");
            }
        }
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    /** The model's input: its InputLayer, else the first layer's batch_input_shape, else the built shape. */
    Input input() throws KerasImportException {
        if (functional) {
            String inputName = inputs.isEmpty() ? "" : inputs.get(0).layer();
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i).name().equals(inputName)) {
                    return inputLayer(layers.get(i), rawLayers.get(i).get("config"));
                }
            }
            throw new KerasImportException("the model's input layer '" + inputName + "' is not among its layers");
        }
        JsonNode first = rawLayers.isEmpty() ? null : rawLayers.get(0);
        if (first != null && first.path("class_name").asText("").equals(INPUT_LAYER)) {
            LayerConfig layer = new LayerConfig(layerName(first), INPUT_LAYER, first.get("config"));
            return inputLayer(layer, first.get("config"));
        }
        if (first != null
                && nonNull(first.path("config").get("batch_input_shape")).isPresent()) {
            JsonNode config = first.get("config");
            return new Input(
                    shape(config.get("batch_input_shape"), "batch_input_shape"),
                    config.path("dtype").asText("float32"),
                    "batch_input_shape of layer '" + layerName(first) + "'");
        }
        if (buildInputShape.isPresent()) {
            return new Input(shape(buildInputShape.get(), "build_input_shape"), "float32", "the built input shape");
        }
        throw new KerasImportException("the model has no input shape (no InputLayer, no batch_input_shape, never"
                + " built): build it in Keras, e.g. with model.build(input_shape), and save it again");
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
        return new Input(shape(shape, "batch shape"), dtypeName, "InputLayer '" + layer.name() + "'");
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

    private UnsupportedKerasException branches(String reason) {
        return UnsupportedKerasException.structure(
                name,
                className,
                "a graph with branches (" + reason + ")",
                "functional models with branches need Lamina's graph syntax, which this version cannot write yet:"
                        + " in model '" + name + "' (" + className + "), " + reason
                        + "; Lamina imports functional models whose layers form one chain from one input to one"
                        + " output");
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
