package dev.lamina.runtime.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code golden-v1} and {@code golden-v2} cases ({@code cases/}, {@code cases-v2/}) and the
 * shape tables ({@code shapes.json}, {@code shapes-v2.json}) into runtime specs (test code only). A
 * case that needs something Lamina does not have yet (a layer kind, an option, an activation, a
 * loss, an optimizer) is read with {@link GoldenCase#unsupported()} naming it, never guessed.
 */
public final class GoldenCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenCases() {}

    /** Every case of {@link GoldenDirectory#caseFiles()}. */
    public static List<GoldenCase> all() {
        return GoldenDirectory.caseFiles().stream().map(GoldenCases::read).toList();
    }

    /** Every case of the shape tables ({@link GoldenDirectory#shapesFiles()}); throws if they hold none. */
    public static List<GoldenShapeCase> shapeCases() {
        List<GoldenShapeCase> cases = new ArrayList<>();
        for (Path file : GoldenDirectory.shapesFiles()) {
            cases.addAll(shapeCases(file));
        }
        return cases;
    }

    private static List<GoldenShapeCase> shapeCases(Path file) {
        JsonNode root = tree(file);
        List<GoldenShapeCase> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            Unsupported unsupported = new Unsupported();
            Optional<GoldenShapeCase.ExpectedError> error = c.has("expect_error")
                    ? Optional.of(new GoldenShapeCase.ExpectedError(
                            c.get("expect_error").get("layer").asInt(),
                            c.get("expect_error").get("kind").asText()))
                    : Optional.empty();
            GoldenModel model = model(c.get("name").asText(), c.get("model"), null, unsupported);
            cases.add(new GoldenShapeCase(
                    c.get("name").asText(),
                    unsupported.reason().isPresent() ? null : model,
                    error.isPresent() ? List.of() : shapes(c.get("expect_shapes")),
                    error.isPresent() ? List.of() : longs(c.get("expect_params")),
                    c.path("expect_total_params").asLong(-1),
                    error,
                    unsupported.reason()));
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no case in " + file);
        }
        return cases;
    }

    /** One {@code golden-v1} or {@code golden-v2} file. */
    public static GoldenCase read(Path file) {
        JsonNode c = tree(file);
        String name = c.get("name").asText();
        Unsupported unsupported = new Unsupported();
        GoldenModel declared = model(name, c.get("model"), null, unsupported);
        LossKind lossKind = lossKind(c.get("loss"), unsupported);
        double huberDelta = c.get("loss").path("delta").asDouble(TrainingSpec.DEFAULT_HUBER_DELTA);
        Optional<GoldenCase.Training> train = Optional.empty();
        TrainingSpec training = null;
        if (c.has("train")) {
            JsonNode t = c.get("train");
            LossKind loss = lossKind(t, unsupported);
            OptimizerSpec optimizer = optimizer(t.get("optimizer"), unsupported);
            if (t.hasNonNull("batch") && !t.get("batch").asText().equals("full")) {
                unsupported.note("training on batches of " + t.get("batch").asText());
            }
            if (unsupported.reason().isPresent()) {
                return GoldenCase.unsupported(name, unsupported.reason().get());
            }
            // golden-v2: train.loss always equals loss.type, and huber's delta applies to both
            training = new TrainingSpec(loss, optimizer, loss == LossKind.HUBER ? huberDelta : 1.0);
            double[] losses = new double[t.get("losses").size()];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = t.get("losses").get(i).asDouble();
            }
            train = Optional.of(new GoldenCase.Training(
                    loss,
                    training.huberDelta(),
                    optimizer,
                    t.get("steps").asInt(),
                    losses,
                    params(t.get("params_after")),
                    tolerance(t.get("tolerance"))));
        }
        if (unsupported.reason().isPresent()) {
            return GoldenCase.unsupported(name, unsupported.reason().get());
        }
        GoldenModel model = new GoldenModel(
                declared.name(),
                declared.inputs(),
                declared.layers(),
                declared.output(),
                Optional.ofNullable(training));
        JsonNode grads = c.get("grads");
        Map<String, Tensor> paramGrads = new LinkedHashMap<>();
        grads.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("x")) {
                e.getValue()
                        .fields()
                        .forEachRemaining(p -> paramGrads.put(e.getKey() + "/" + p.getKey(), tensor(p.getValue())));
            }
        });
        List<InputSpec> inputs = model.inputs();
        List<Tensor> xs = new ArrayList<>();
        Map<String, Tensor> inputGrads = new LinkedHashMap<>();
        JsonNode gradX = grads.get("x");
        for (InputSpec input : inputs) {
            boolean keyed = c.get("x").has(input.name()) && !c.get("x").has("shape");
            xs.add(tensor(keyed ? c.get("x").get(input.name()) : c.get("x")));
            JsonNode g = gradX == null ? null : keyed ? gradX.get(input.name()) : gradX;
            if (g != null && !input.integerIds()) {
                inputGrads.put(input.name(), tensor(g));
            }
        }
        return new GoldenCase(
                name,
                model,
                Optional.empty(),
                shapes(c.get("expect_shapes")),
                longs(c.get("expect_params")),
                params(c.get("params")),
                xs,
                tensor(c.get("y")),
                tolerance(c.get("tolerance")),
                lossKind,
                lossKind == LossKind.HUBER ? huberDelta : TrainingSpec.DEFAULT_HUBER_DELTA,
                tensor(c.get("loss").get("target")),
                c.get("loss").get("value").asDouble(),
                paramGrads,
                inputGrads,
                train);
    }

    /** What a case needs that Lamina does not have: the first such thing found. */
    private static final class Unsupported {
        private String reason;

        void note(String what) {
            if (reason == null) {
                reason = what;
            }
        }

        Optional<String> reason() {
            return Optional.ofNullable(reason);
        }
    }

    private static LossKind lossKind(JsonNode loss, Unsupported unsupported) {
        String type =
                loss.has("type") ? loss.get("type").asText() : loss.get("loss").asText();
        try {
            return LossKind.fromKerasName(type);
        } catch (IllegalArgumentException e) {
            unsupported.note("loss " + type);
            return null;
        }
    }

    /**
     * The model of a case (v1 {@code input} or v2 {@code inputs}, layers with their {@code inputs},
     * {@code output}); layer fields default like Keras.
     */
    static GoldenModel model(String name, JsonNode model, TrainingSpec training, Unsupported unsupported) {
        List<InputSpec> inputs = new ArrayList<>();
        if (model.has("inputs")) {
            for (JsonNode input : model.get("inputs")) {
                inputs.add(input(input.get("name").asText(), input));
            }
        } else {
            inputs.add(input(InputSpec.DEFAULT_NAME, model.get("input")));
        }
        List<GoldenModel.Layer> layers = new ArrayList<>();
        for (JsonNode l : model.get("layers")) {
            List<String> reads = new ArrayList<>();
            l.path("inputs").forEach(t -> reads.add(t.asText()));
            layers.add(new GoldenModel.Layer(layer(l, unsupported), reads));
        }
        Optional<String> output =
                model.hasNonNull("output") ? Optional.of(model.get("output").asText()) : Optional.empty();
        return new GoldenModel(name, inputs, layers, output, Optional.ofNullable(training));
    }

    private static InputSpec input(String name, JsonNode input) {
        int[] dims = new int[input.get("shape").size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = input.get("shape").get(i);
            dims[i] = d.isNull() ? Shape.UNKNOWN : d.asInt();
        }
        boolean ids = input.path("dtype").asText("float32").equals("int32");
        return new InputSpec(name, Shape.of(dims), ids);
    }

    private static LayerSpec layer(JsonNode l, Unsupported unsupported) {
        String name = l.get("name").asText();
        String type = l.get("type").asText();
        if (l.path("mask_zero").asBoolean(false)) {
            unsupported.note("embedding with mask_zero");
        }
        return switch (type) {
            case "add", "subtract", "multiply", "average", "maximum", "minimum" -> new LayerSpec.Merge(
                    name, MergeKind.valueOf(type.toUpperCase(java.util.Locale.ROOT)));
            case "concatenate" -> new LayerSpec.Concatenate(name, l.path("axis").asInt(-1));
            case "conv1d" -> new LayerSpec.Conv1D(
                    name,
                    l.get("filters").asInt(),
                    l.get("kernel_size").asInt(),
                    l.path("strides").asInt(1),
                    Padding.fromKerasName(l.path("padding").asText("valid")),
                    l.path("dilation_rate").asInt(1),
                    l.path("use_bias").asBoolean(true),
                    activation(l, unsupported));
            case "dense" -> new LayerSpec.Dense(
                    name, l.get("units").asInt(), l.path("use_bias").asBoolean(true), activation(l, unsupported));
            case "max_pooling1d" -> pooling(name, PoolKind.MAX, l);
            case "average_pooling1d" -> pooling(name, PoolKind.AVERAGE, l);
            case "global_max_pooling1d" -> new LayerSpec.GlobalPooling1D(name, PoolKind.MAX);
            case "global_average_pooling1d" -> new LayerSpec.GlobalPooling1D(name, PoolKind.AVERAGE);
            case "flatten" -> new LayerSpec.Flatten(name);
            case "dropout" -> new LayerSpec.Dropout(name, l.get("rate").asDouble());
            case "activation" -> new LayerSpec.ActivationLayer(name, activation(l, unsupported));
            case "embedding" -> new LayerSpec.Embedding(
                    name, l.get("input_dim").asInt(), l.get("output_dim").asInt());
            case "repeat_vector" -> new LayerSpec.RepeatVector(name, l.get("n").asInt());
            case "reshape" -> {
                List<Integer> target = new ArrayList<>();
                l.get("target_shape").forEach(d -> target.add(d.asInt()));
                yield new LayerSpec.Reshape(name, target);
            }
            case "batch_normalization" -> {
                lastAxisOnly(l, unsupported);
                yield new LayerSpec.BatchNormalization(
                        name,
                        l.path("momentum").asDouble(LayerSpec.BatchNormalization.DEFAULT_MOMENTUM),
                        l.path("epsilon").asDouble(LayerSpec.BatchNormalization.DEFAULT_EPSILON),
                        l.path("center").asBoolean(true),
                        l.path("scale").asBoolean(true));
            }
            case "layer_normalization" -> {
                lastAxisOnly(l, unsupported);
                yield new LayerSpec.LayerNormalization(
                        name,
                        l.path("epsilon").asDouble(LayerSpec.LayerNormalization.DEFAULT_EPSILON),
                        l.path("center").asBoolean(true),
                        l.path("scale").asBoolean(true));
            }
            case "zero_padding1d" -> {
                int[] padding = pair(l.get("padding"));
                yield new LayerSpec.ZeroPadding1D(name, padding[0], padding[1]);
            }
            case "cropping1d" -> {
                int[] cropping = pair(l.get("cropping"));
                yield new LayerSpec.Cropping1D(name, cropping[0], cropping[1]);
            }
            case "up_sampling1d" -> new LayerSpec.UpSampling1D(
                    name, l.path("size").asInt(LayerSpec.UpSampling1D.DEFAULT_SIZE));
            case "permute" -> {
                List<Integer> dims = new ArrayList<>();
                l.get("dims").forEach(d -> dims.add(d.asInt()));
                yield new LayerSpec.Permute(name, dims);
            }
            case "spatial_dropout1d" -> new LayerSpec.SpatialDropout1D(
                    name, l.get("rate").asDouble());
            default -> {
                unsupported.note("layer kind " + type);
                yield null;
            }
        };
    }

    /** {@code padding} or {@code cropping}: absent 1, an int p for [p, p], or [left, right]. */
    private static int[] pair(JsonNode value) {
        if (value == null || value.isNull()) {
            return new int[] {1, 1};
        }
        if (value.isArray()) {
            return new int[] {value.get(0).asInt(), value.get(1).asInt()};
        }
        return new int[] {value.asInt(), value.asInt()};
    }

    /** Normalizations work on the last axis only; a case with another axis is not supported. */
    private static void lastAxisOnly(JsonNode l, Unsupported unsupported) {
        JsonNode axis = l.get("axis");
        if (axis != null && !axis.isNull() && axis.asInt() != -1) {
            unsupported.note(l.get("type").asText() + " on axis " + axis);
        }
    }

    private static LayerSpec pooling(String name, PoolKind kind, JsonNode l) {
        int pool = l.path("pool_size").asInt(2);
        JsonNode strides = l.get("strides");
        return new LayerSpec.Pooling1D(
                name,
                kind,
                pool,
                strides == null || strides.isNull() ? pool : strides.asInt(),
                Padding.fromKerasName(l.path("padding").asText("valid")));
    }

    private static Activation activation(JsonNode l, Unsupported unsupported) {
        JsonNode a = l.get("activation");
        if (a == null || a.isNull()) {
            return Activation.LINEAR;
        }
        try {
            return Activation.fromKerasName(a.asText());
        } catch (IllegalArgumentException e) {
            unsupported.note("activation " + a.asText());
            return Activation.LINEAR;
        }
    }

    private static OptimizerSpec optimizer(JsonNode o, Unsupported unsupported) {
        OptimizerSpec.Clipping clipping = OptimizerSpec.Clipping.NONE;
        for (OptimizerSpec.Clipping.Kind kind : OptimizerSpec.Clipping.Kind.values()) {
            if (kind != OptimizerSpec.Clipping.Kind.NONE && o.hasNonNull(kind.kerasName())) {
                if (clipping != OptimizerSpec.Clipping.NONE) {
                    unsupported.note("optimizer with both " + clipping.kind().kerasName() + " and " + kind.kerasName());
                }
                clipping =
                        OptimizerSpec.Clipping.of(kind, o.get(kind.kerasName()).asDouble());
            }
        }
        return switch (o.get("type").asText()) {
            case "sgd" -> new OptimizerSpec.Sgd(
                    o.path("learning_rate").asDouble(OptimizerSpec.Sgd.DEFAULT_LEARNING_RATE),
                    o.path("momentum").asDouble(0),
                    o.path("nesterov").asBoolean(false),
                    clipping);
            case "adam" -> new OptimizerSpec.Adam(
                    o.path("learning_rate").asDouble(OptimizerSpec.Adam.DEFAULT_LEARNING_RATE),
                    o.path("beta_1").asDouble(OptimizerSpec.Adam.DEFAULT_BETA_1),
                    o.path("beta_2").asDouble(OptimizerSpec.Adam.DEFAULT_BETA_2),
                    o.path("epsilon").asDouble(OptimizerSpec.Adam.DEFAULT_EPSILON),
                    clipping);
            case "rmsprop" -> new OptimizerSpec.RmsProp(
                    o.path("learning_rate").asDouble(OptimizerSpec.RmsProp.DEFAULT_LEARNING_RATE),
                    o.path("rho").asDouble(OptimizerSpec.RmsProp.DEFAULT_RHO),
                    o.path("epsilon").asDouble(OptimizerSpec.RmsProp.DEFAULT_EPSILON),
                    clipping);
            case "adamw" -> new OptimizerSpec.AdamW(
                    o.path("learning_rate").asDouble(OptimizerSpec.AdamW.DEFAULT_LEARNING_RATE),
                    o.path("weight_decay").asDouble(OptimizerSpec.AdamW.DEFAULT_WEIGHT_DECAY),
                    o.path("beta_1").asDouble(OptimizerSpec.Adam.DEFAULT_BETA_1),
                    o.path("beta_2").asDouble(OptimizerSpec.Adam.DEFAULT_BETA_2),
                    o.path("epsilon").asDouble(OptimizerSpec.Adam.DEFAULT_EPSILON),
                    clipping);
            case "adagrad" -> new OptimizerSpec.Adagrad(
                    o.path("learning_rate").asDouble(OptimizerSpec.Adagrad.DEFAULT_LEARNING_RATE),
                    o.path("initial_accumulator_value")
                            .asDouble(OptimizerSpec.Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE),
                    o.path("epsilon").asDouble(OptimizerSpec.Adagrad.DEFAULT_EPSILON),
                    clipping);
            default -> {
                unsupported.note("optimizer " + o.get("type").asText());
                yield null;
            }
        };
    }

    private static Map<String, Tensor> params(JsonNode node) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(layer -> layer.getValue()
                    .fields()
                    .forEachRemaining(p -> params.put(layer.getKey() + "/" + p.getKey(), tensor(p.getValue()))));
        }
        return params;
    }

    private static Tensor tensor(JsonNode t) {
        int[] shape = new int[t.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = t.get("shape").get(i).asInt();
        }
        double[] data = new double[t.get("data").size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = t.get("data").get(i).asDouble();
        }
        return new Tensor(shape, data);
    }

    private static Tolerance tolerance(JsonNode t) {
        return new Tolerance(t.get("rtol").asDouble(), t.get("atol").asDouble());
    }

    private static List<Shape> shapes(JsonNode node) {
        List<Shape> shapes = new ArrayList<>();
        for (JsonNode s : node) {
            int[] dims = new int[s.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = s.get(i).isNull() ? Shape.UNKNOWN : s.get(i).asInt();
            }
            shapes.add(Shape.of(dims));
        }
        return shapes;
    }

    private static List<Long> longs(JsonNode node) {
        List<Long> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asLong()));
        return values;
    }

    private static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + file, e);
        }
    }
}
