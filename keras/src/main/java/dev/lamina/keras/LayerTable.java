package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one table from Keras layer classes to Lamina layers: each entry reads a Keras config and
 * writes the Lamina layer, or refuses an option Lamina cannot reproduce. Adding a layer kind is one
 * entry here.
 */
final class LayerTable {
    /** Maps one Keras layer. */
    @FunctionalInterface
    private interface Mapper {
        LaminaLayer map(LayerConfig layer, MappingContext context) throws KerasImportException;
    }

    /** A table entry: the mapping, and the Lamina type of the layer when it has weights. */
    private record Entry(Mapper mapper, Optional<String> weightedType) {}

    /** Options that only matter in training; a note on the layer says they were dropped. */
    private static final List<String> TRAINING_ONLY = List.of(
            "kernel_regularizer",
            "bias_regularizer",
            "activity_regularizer",
            "embeddings_regularizer",
            "kernel_constraint",
            "bias_constraint",
            "embeddings_constraint");

    private static final List<String> MODEL_CLASSES = List.of("Sequential", "Functional", "Model");

    private static final Map<String, Entry> ENTRIES = new TreeMap<>();

    static {
        weighted("Dense", "dense", LayerTable::dense);
        weighted("Conv1D", "conv1d", LayerTable::conv1d);
        weighted("Embedding", "embedding", LayerTable::embedding);
        plain("MaxPooling1D", (layer, context) -> pooling("max_pooling1d", layer));
        plain("AveragePooling1D", (layer, context) -> pooling("average_pooling1d", layer));
        plain("GlobalMaxPooling1D", (layer, context) -> globalPooling("global_max_pooling1d", layer));
        plain("GlobalAveragePooling1D", (layer, context) -> globalPooling("global_average_pooling1d", layer));
        plain("Flatten", LayerTable::flatten);
        plain("Dropout", LayerTable::dropout);
        plain("Activation", LayerTable::activation);
        plain("ReLU", LayerTable::relu);
        plain("ELU", LayerTable::elu);
        plain("Softmax", LayerTable::softmax);
        plain("ThresholdedReLU", LayerTable::thresholdedRelu);
        plain("RepeatVector", (layer, context) -> new LaminaLayer.Builder("repeat_vector", layer.name())
                .positional(layer.integer("n"))
                .build());
        plain("Reshape", LayerTable::reshape);
        for (MergeKind kind : MergeKind.values()) {
            plain(kind.className(), (layer, context) -> new LaminaLayer.Builder(kind.kerasName(), layer.name())
                    .build());
        }
        plain("Concatenate", (layer, context) -> new LaminaLayer.Builder("concatenate", layer.name())
                .option("axis", layer.optionalInteger("axis").orElse(-1), -1)
                .build());
    }

    private LayerTable() {}

    /**
     * The Lamina layer for a Keras layer.
     *
     * @throws UnsupportedKerasException for a class or an option Lamina does not have
     */
    static LaminaLayer map(LayerConfig layer, MappingContext context) throws KerasImportException {
        Entry entry = entry(layer);
        checkDtype(layer);
        LaminaLayer mapped = entry.mapper().map(layer, context);
        List<String> dropped = new ArrayList<>();
        for (String option : TRAINING_ONLY) {
            if (layer.isSet(option)) {
                dropped.add(option);
            }
        }
        if (!dropped.isEmpty()) {
            mapped = mapped.withNote("training-only " + String.join(", ", dropped) + " not imported");
        }
        if (!layer.bool("trainable", true)) {
            mapped = mapped.withNote("frozen in Keras (trainable=false); Lamina trains every layer");
        }
        return mapped;
    }

    /**
     * Checks that the table has the layer's class.
     *
     * @throws UnsupportedKerasException when it does not
     */
    static void requireKnown(LayerConfig layer) throws UnsupportedKerasException {
        entry(layer);
    }

    private static Entry entry(LayerConfig layer) throws UnsupportedKerasException {
        Entry entry = ENTRIES.get(layer.className());
        if (entry != null) {
            return entry;
        }
        if (MODEL_CLASSES.contains(layer.className())) {
            throw UnsupportedKerasException.option(
                    layer.name(),
                    layer.className(),
                    "a model nested in the model",
                    "Lamina imports one flat model of " + supportedClasses() + " layers");
        }
        throw UnsupportedKerasException.layerClass(layer.name(), layer.className(), supportedClasses());
    }

    /** The Keras classes the table maps, plus InputLayer, in alphabetical order. */
    static String supportedClasses() {
        List<String> names = new ArrayList<>(ENTRIES.keySet());
        names.add("InputLayer");
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    /** The Keras class whose weights a Lamina layer type with parameters takes, e.g. Dense for dense. */
    static Optional<String> kerasClassOf(String laminaType) {
        return ENTRIES.entrySet().stream()
                .filter(e -> e.getValue().weightedType().equals(Optional.of(laminaType)))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static void weighted(String kerasClass, String laminaType, Mapper mapper) {
        ENTRIES.put(kerasClass, new Entry(mapper, Optional.of(laminaType)));
    }

    private static void plain(String kerasClass, Mapper mapper) {
        ENTRIES.put(kerasClass, new Entry(mapper, Optional.empty()));
    }

    /** Lamina computes in float32: a layer computing in another type would give other results. */
    private static void checkDtype(LayerConfig layer) throws KerasImportException {
        JsonNode dtype = layer.raw("dtype");
        if (dtype == null) {
            return;
        }
        String name = dtype.isTextual()
                ? dtype.asText()
                : dtype.path("config").path("name").asText("");
        if (!name.equals("float32")) {
            throw layer.unsupported(
                    "dtype=" + (name.isEmpty() ? dtype.toString() : name),
                    "Lamina computes in float32, so it imports float32 layers only");
        }
    }

    private static LaminaLayer dense(LayerConfig layer, MappingContext context) throws KerasImportException {
        rejectLora(layer);
        boolean bias = layer.bool("use_bias", true);
        return new LaminaLayer.Builder("dense", layer.name())
                .positional(layer.integer("units"))
                .option("activation", Activations.of(layer, "activation", context.version()), "linear")
                .option("use_bias", bias, true)
                .parameters(bias ? new String[] {"kernel", "bias"} : new String[] {"kernel"})
                .build();
    }

    private static LaminaLayer conv1d(LayerConfig layer, MappingContext context) throws KerasImportException {
        String format = dataFormat(layer);
        int groups = layer.optionalInteger("groups").orElse(1);
        if (groups != 1) {
            throw layer.unsupported("groups=" + groups, "Lamina's conv1d connects every input channel (groups=1)");
        }
        rejectLora(layer);
        String padding = layer.text("padding", "valid");
        if (!List.of("valid", "same", "causal").contains(padding)) {
            throw layer.unsupported("padding=" + padding, "Lamina's conv1d pads valid, same or causal");
        }
        boolean bias = layer.bool("use_bias", true);
        String activation = Activations.of(layer, "activation", context.version());
        if (activation.equals("softmax") && format.equals("channels_first")) {
            throw layer.unsupported(
                    "activation=softmax with data_format=channels_first",
                    "Lamina's channels_first conv1d takes element-wise activations (this softmax normalizes over"
                            + " the steps)");
        }
        LaminaLayer mapped = new LaminaLayer.Builder("conv1d", layer.name())
                .positional(layer.integer("filters"))
                .positional(layer.integer("kernel_size"))
                .option("strides", layer.optionalInteger("strides").orElse(1), 1)
                .option("padding", padding, "valid")
                .option("dilation_rate", layer.optionalInteger("dilation_rate").orElse(1), 1)
                .option("activation", activation, "linear")
                .option("use_bias", bias, true)
                .option("data_format", format, "channels_last")
                .parameters(bias ? new String[] {"kernel", "bias"} : new String[] {"kernel"})
                .build();
        if (context.backend().equals(Optional.of(Conv1DKernels.THEANO))) {
            return mapped.withFlippedKernel("kernel reversed along its steps: saved by Theano, which convolves");
        }
        return mapped;
    }

    private static LaminaLayer embedding(LayerConfig layer, MappingContext context) throws KerasImportException {
        if (!context.readsInput()) {
            throw layer.unsupported(
                    "an Embedding after another layer", "Lamina's embedding reads a model input of token ids");
        }
        if (layer.bool("mask_zero", false)) {
            throw layer.unsupported("mask_zero=true", "Lamina's embedding does not mask (mask_zero=false)");
        }
        rejectLora(layer);
        return new LaminaLayer.Builder("embedding", layer.name())
                .positional(layer.integer("input_dim"))
                .positional(layer.integer("output_dim"))
                .parameters("embeddings")
                .build();
    }

    private static LaminaLayer pooling(String type, LayerConfig layer) throws KerasImportException {
        String format = dataFormat(layer);
        int pool = layer.optionalInteger("pool_size").orElse(2);
        String padding = layer.text("padding", "valid");
        if (!List.of("valid", "same").contains(padding)) {
            throw layer.unsupported("padding=" + padding, "Lamina's " + type + " pads valid or same");
        }
        return new LaminaLayer.Builder(type, layer.name())
                .positional(pool)
                .option("strides", layer.optionalInteger("strides").orElse(pool), pool)
                .option("padding", padding, "valid")
                .option("data_format", format, "channels_last")
                .build();
    }

    private static LaminaLayer globalPooling(String type, LayerConfig layer) throws KerasImportException {
        String format = dataFormat(layer);
        if (layer.bool("keepdims", false)) {
            throw layer.unsupported("keepdims=true", "Lamina's " + type + " outputs (channels) (keepdims=false)");
        }
        return new LaminaLayer.Builder(type, layer.name())
                .option("data_format", format, "channels_last")
                .build();
    }

    private static LaminaLayer flatten(LayerConfig layer, MappingContext context) throws KerasImportException {
        if (layer.text("data_format", "channels_last").equals("channels_first")
                && context.inputShape().get().rank() > 1) {
            throw layer.unsupported(
                    "data_format=channels_first", "Lamina's flatten keeps the channels_last order of its input");
        }
        return new LaminaLayer.Builder("flatten", layer.name()).build();
    }

    private static LaminaLayer dropout(LayerConfig layer, MappingContext context) throws KerasImportException {
        double rate = layer.number("rate", Double.NaN);
        if (!(rate >= 0 && rate < 1)) {
            throw layer.unsupported("rate=" + rate, "Lamina's dropout takes a rate in [0, 1)");
        }
        return new LaminaLayer.Builder("dropout", layer.name())
                .positional(SpecValues.number(rate))
                .build();
    }

    private static LaminaLayer activation(LayerConfig layer, MappingContext context) throws KerasImportException {
        if (!layer.isSet("activation")) {
            throw new KerasImportException(layer.label() + ": option activation is missing");
        }
        return new LaminaLayer.Builder("activation", layer.name())
                .positional(Activations.of(layer, "activation", context.version()))
                .build();
    }

    private static LaminaLayer relu(LayerConfig layer, MappingContext context) throws KerasImportException {
        if (layer.isSet("max_value")) {
            throw layer.unsupported(
                    "max_value=" + layer.number("max_value", 0),
                    "Lamina maps ReLU without max_value, negative_slope or threshold (plain relu)");
        }
        double slope = layer.number("negative_slope", 0);
        if (slope != 0) {
            throw layer.unsupported(
                    "negative_slope=" + slope,
                    "Lamina maps ReLU without max_value, negative_slope or threshold (plain relu)");
        }
        double threshold = layer.number("threshold", 0);
        if (threshold != 0) {
            throw layer.unsupported(
                    "threshold=" + threshold,
                    "Lamina maps ReLU without max_value, negative_slope or threshold (plain relu)");
        }
        return new LaminaLayer.Builder("activation", layer.name())
                .positional("relu")
                .note("Keras ReLU layer")
                .build();
    }

    private static LaminaLayer elu(LayerConfig layer, MappingContext context) throws KerasImportException {
        double alpha = layer.number("alpha", 1);
        if (alpha != 1) {
            throw layer.unsupported("alpha=" + alpha, "Lamina's elu has alpha=1.0");
        }
        return new LaminaLayer.Builder("activation", layer.name())
                .positional("elu")
                .note("Keras ELU layer (alpha=1.0)")
                .build();
    }

    private static LaminaLayer thresholdedRelu(LayerConfig layer, MappingContext context) throws KerasImportException {
        double theta = layer.number("theta", 1);
        if (theta != 0) {
            throw layer.unsupported("theta=" + theta, "Lamina maps ThresholdedReLU with theta=0.0 (plain relu)");
        }
        return new LaminaLayer.Builder("activation", layer.name())
                .positional("relu")
                .note("Keras ThresholdedReLU(theta=0.0)")
                .build();
    }

    private static LaminaLayer softmax(LayerConfig layer, MappingContext context) throws KerasImportException {
        JsonNode axisNode = layer.raw("axis");
        int axis = -1;
        if (axisNode != null) {
            JsonNode single = axisNode.isArray() && axisNode.size() == 1 ? axisNode.get(0) : axisNode;
            if (!single.isIntegralNumber()) {
                throw layer.unsupported("axis=" + axisNode, "Lamina's softmax works on the last axis (axis=-1)");
            }
            axis = single.intValue();
        }
        // The batch axis is axis 0 in Keras: the last axis of a per-example rank r is r.
        if (axis != -1 && axis != context.inputShape().get().rank()) {
            throw layer.unsupported("axis=" + axis, "Lamina's softmax works on the last axis (axis=-1)");
        }
        return new LaminaLayer.Builder("activation", layer.name())
                .positional("softmax")
                .note("Keras Softmax layer" + (axis == -1 ? "" : " (axis=" + axis + ", the last axis)"))
                .build();
    }

    private static LaminaLayer reshape(LayerConfig layer, MappingContext context) throws KerasImportException {
        List<Integer> target = layer.integerList("target_shape");
        List<Integer> resolved = new ArrayList<>(target);
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < target.size(); i++) {
            Integer d = target.get(i);
            if (d == null || d == -1) {
                if (unknown >= 0) {
                    throw layer.unsupported(
                            "target_shape=" + target, "Keras and Lamina allow one unknown dimension (-1)");
                }
                unknown = i;
            } else if (d < 1) {
                throw new KerasImportException(layer.label() + ": target_shape " + target + " has a dimension " + d);
            } else {
                known *= d;
            }
        }
        LaminaLayer.Builder builder = new LaminaLayer.Builder("reshape", layer.name());
        if (unknown >= 0) {
            Shape input = context.inputShape().get();
            if (!input.isFullyKnown() || input.size() % known != 0) {
                throw layer.unsupported(
                        "target_shape=" + target + " on input " + input,
                        "Lamina's reshape needs every dimension known");
            }
            resolved.set(unknown, (int) (input.size() / known));
            builder.note("Keras target_shape " + target.toString().replace("null", "-1") + " with -1 resolved");
        }
        return builder.positional(resolved.toString()).build();
    }

    /** {@code channels_last} (also for null, Keras's "the backend's default") or {@code channels_first}. */
    private static String dataFormat(LayerConfig layer) throws KerasImportException {
        String format = layer.text("data_format", "channels_last");
        if (!format.equals("channels_last") && !format.equals("channels_first")) {
            throw layer.unsupported("data_format=" + format, "Lamina takes channels_last or channels_first");
        }
        return format;
    }

    private static void rejectLora(LayerConfig layer) throws KerasImportException {
        if (layer.isSet("lora_rank")) {
            throw layer.unsupported(
                    "lora_rank=" + layer.raw("lora_rank"), "Lamina imports layers without LoRA adapters");
        }
    }
}
