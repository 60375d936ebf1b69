package dev.lamina.runtime.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
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

/** Reads {@code golden-v1} and {@code shapes-v1} files into runtime specs (test code only). */
public final class GoldenCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenCases() {}

    /** Every case of {@link GoldenDirectory#caseFiles()}. */
    public static List<GoldenCase> all() {
        return GoldenDirectory.caseFiles().stream().map(GoldenCases::read).toList();
    }

    /** Every case of {@link GoldenDirectory#shapesFile()}; throws if it holds none. */
    public static List<GoldenShapeCase> shapeCases() {
        JsonNode root = tree(GoldenDirectory.shapesFile());
        List<GoldenShapeCase> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            Optional<GoldenShapeCase.ExpectedError> error = c.has("expect_error")
                    ? Optional.of(new GoldenShapeCase.ExpectedError(
                            c.get("expect_error").get("layer").asInt(),
                            c.get("expect_error").get("kind").asText()))
                    : Optional.empty();
            cases.add(new GoldenShapeCase(
                    c.get("name").asText(),
                    model(c.get("name").asText(), c.get("model"), null),
                    error.isPresent() ? List.of() : shapes(c.get("expect_shapes")),
                    error.isPresent() ? List.of() : longs(c.get("expect_params")),
                    c.path("expect_total_params").asLong(-1),
                    error));
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no case in " + GoldenDirectory.shapesFile());
        }
        return cases;
    }

    /** One {@code golden-v1} file. */
    public static GoldenCase read(Path file) {
        JsonNode c = tree(file);
        String name = c.get("name").asText();
        Optional<GoldenCase.Training> train = Optional.empty();
        TrainingSpec training = null;
        if (c.has("train")) {
            JsonNode t = c.get("train");
            LossKind loss = LossKind.fromKerasName(t.get("loss").asText());
            OptimizerSpec optimizer = optimizer(t.get("optimizer"));
            training = new TrainingSpec(loss, optimizer);
            double[] losses = new double[t.get("losses").size()];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = t.get("losses").get(i).asDouble();
            }
            train = Optional.of(new GoldenCase.Training(
                    loss,
                    optimizer,
                    t.get("steps").asInt(),
                    losses,
                    params(t.get("params_after")),
                    tolerance(t.get("tolerance"))));
        }
        JsonNode grads = c.get("grads");
        Map<String, Tensor> paramGrads = new LinkedHashMap<>();
        grads.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("x")) {
                e.getValue()
                        .fields()
                        .forEachRemaining(p -> paramGrads.put(e.getKey() + "/" + p.getKey(), tensor(p.getValue())));
            }
        });
        return new GoldenCase(
                name,
                model(name, c.get("model"), training),
                shapes(c.get("expect_shapes")),
                longs(c.get("expect_params")),
                params(c.get("params")),
                tensor(c.get("x")),
                tensor(c.get("y")),
                tolerance(c.get("tolerance")),
                LossKind.fromKerasName(c.get("loss").get("type").asText()),
                tensor(c.get("loss").get("target")),
                c.get("loss").get("value").asDouble(),
                paramGrads,
                grads.has("x") ? Optional.of(tensor(grads.get("x"))) : Optional.empty(),
                train);
    }

    /** The model of a case as a runtime spec; layer fields default like Keras. */
    public static ModelSpec model(String name, JsonNode model, TrainingSpec training) {
        JsonNode input = model.get("input");
        int[] dims = new int[input.get("shape").size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = input.get("shape").get(i);
            dims[i] = d.isNull() ? Shape.UNKNOWN : d.asInt();
        }
        boolean ids = input.path("dtype").asText("float32").equals("int32");
        List<LayerSpec> layers = new ArrayList<>();
        for (JsonNode l : model.get("layers")) {
            layers.add(layer(l));
        }
        return new ModelSpec(name, new InputSpec(Shape.of(dims), ids), layers, Optional.ofNullable(training));
    }

    private static LayerSpec layer(JsonNode l) {
        String name = l.get("name").asText();
        return switch (l.get("type").asText()) {
            case "conv1d" -> new LayerSpec.Conv1D(
                    name,
                    l.get("filters").asInt(),
                    l.get("kernel_size").asInt(),
                    l.path("strides").asInt(1),
                    Padding.fromKerasName(l.path("padding").asText("valid")),
                    l.path("dilation_rate").asInt(1),
                    l.path("use_bias").asBoolean(true),
                    activation(l));
            case "dense" -> new LayerSpec.Dense(
                    name, l.get("units").asInt(), l.path("use_bias").asBoolean(true), activation(l));
            case "max_pooling1d" -> pooling(name, PoolKind.MAX, l);
            case "average_pooling1d" -> pooling(name, PoolKind.AVERAGE, l);
            case "global_max_pooling1d" -> new LayerSpec.GlobalPooling1D(name, PoolKind.MAX);
            case "global_average_pooling1d" -> new LayerSpec.GlobalPooling1D(name, PoolKind.AVERAGE);
            case "flatten" -> new LayerSpec.Flatten(name);
            case "dropout" -> new LayerSpec.Dropout(name, l.get("rate").asDouble());
            case "activation" -> new LayerSpec.ActivationLayer(name, activation(l));
            case "embedding" -> new LayerSpec.Embedding(
                    name, l.get("input_dim").asInt(), l.get("output_dim").asInt());
            case "repeat_vector" -> new LayerSpec.RepeatVector(name, l.get("n").asInt());
            case "reshape" -> {
                List<Integer> target = new ArrayList<>();
                l.get("target_shape").forEach(d -> target.add(d.asInt()));
                yield new LayerSpec.Reshape(name, target);
            }
            default -> throw new IllegalArgumentException("unknown layer type in golden file: " + l);
        };
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

    private static Activation activation(JsonNode l) {
        JsonNode a = l.get("activation");
        return a == null || a.isNull() ? Activation.LINEAR : Activation.fromKerasName(a.asText());
    }

    private static OptimizerSpec optimizer(JsonNode o) {
        return switch (o.get("type").asText()) {
            case "sgd" -> new OptimizerSpec.Sgd(
                    o.path("learning_rate").asDouble(OptimizerSpec.Sgd.DEFAULT_LEARNING_RATE),
                    o.path("momentum").asDouble(0),
                    o.path("nesterov").asBoolean(false));
            case "adam" -> new OptimizerSpec.Adam(
                    o.path("learning_rate").asDouble(OptimizerSpec.Adam.DEFAULT_LEARNING_RATE),
                    o.path("beta_1").asDouble(OptimizerSpec.Adam.DEFAULT_BETA_1),
                    o.path("beta_2").asDouble(OptimizerSpec.Adam.DEFAULT_BETA_2),
                    o.path("epsilon").asDouble(OptimizerSpec.Adam.DEFAULT_EPSILON));
            case "rmsprop" -> new OptimizerSpec.RmsProp(
                    o.path("learning_rate").asDouble(OptimizerSpec.RmsProp.DEFAULT_LEARNING_RATE),
                    o.path("rho").asDouble(OptimizerSpec.RmsProp.DEFAULT_RHO),
                    o.path("epsilon").asDouble(OptimizerSpec.RmsProp.DEFAULT_EPSILON));
            default -> throw new IllegalArgumentException("unknown optimizer in golden file: " + o);
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
