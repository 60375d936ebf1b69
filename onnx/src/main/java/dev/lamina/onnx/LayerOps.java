package dev.lamina.onnx;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.math.Functions;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.WindowRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The ONNX operators of one Lamina layer, reading the tensors {@code inputs} (per-example shapes
 * {@code shapes}, batch first in ONNX) and writing {@code output}. Lamina's layout is channels-last;
 * ONNX's Conv and pooling take {@code (N, C, L)}, so a channels_last conv1d or pooling layer sits
 * between two Transposes and a channels_first one maps directly. Kernels are rearranged from Keras's
 * {@code (k, C, F)} to ONNX's {@code (F, C, k)}; padding is explicit from {@link WindowRule} where
 * the length is known, and {@code SAME_UPPER} (the extra step on the right, as in Keras) where it is
 * not.
 */
final class LayerOps implements LayerSpec.Visitor<Void> {
    private static final float SQRT_2 = (float) Math.sqrt(2);

    private final OnnxGraph graph;
    private final List<String> inputs;
    private final List<Shape> shapes;
    private final String output;
    private final Map<String, Parameter> parameters;

    /** {@code parameters}: the layer's parameters by name ({@code kernel}, {@code bias}, {@code embeddings}). */
    LayerOps(
            OnnxGraph graph,
            List<String> inputs,
            List<Shape> shapes,
            String output,
            Map<String, Parameter> parameters) {
        this.graph = graph;
        this.inputs = inputs;
        this.shapes = shapes;
        this.output = output;
        this.parameters = parameters;
    }

    private String input() {
        return inputs.get(0);
    }

    private Shape shape() {
        return shapes.get(0);
    }

    private String temp(String what) {
        return graph.fresh(output + "/" + what);
    }

    @Override
    public Void conv1d(LayerSpec.Conv1D conv) {
        Shape in = conv.dataFormat().toChannelsLast(shape());
        int channels = in.dim(1);
        int k = conv.kernelSize();
        int filters = conv.filters();
        float[] keras = parameters.get("kernel").value();
        float[] weights = new float[keras.length];
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < channels; c++) {
                for (int f = 0; f < filters; f++) {
                    weights[(f * channels + c) * k + j] = keras[(j * channels + c) * filters + f];
                }
            }
        }
        List<String> operands = new ArrayList<>();
        operands.add(toChannelsFirst(conv.dataFormat()));
        operands.add(graph.floats(conv.name() + "/kernel", new long[] {filters, channels, k}, weights));
        if (conv.useBias()) {
            operands.add(graph.floats(
                    conv.name() + "/bias",
                    new long[] {filters},
                    parameters.get("bias").value()));
        }
        boolean channelsFirst = conv.dataFormat() == DataFormat.CHANNELS_FIRST;
        boolean linear = conv.activation() == Activation.LINEAR;
        String convolved = channelsFirst && linear ? output : temp("conv");
        graph.node(
                "Conv",
                operands,
                convolved,
                OnnxGraph.ints("kernel_shape", k),
                OnnxGraph.ints("strides", conv.strides()),
                OnnxGraph.ints("dilations", conv.dilationRate()),
                padding(in.dim(0), conv.effectiveKernel(), conv.strides(), conv.padding()));
        String laidOut = convolved;
        if (!channelsFirst) {
            laidOut = linear ? output : temp("nlc");
            graph.node("Transpose", List.of(convolved), laidOut, OnnxGraph.ints("perm", 0, 2, 1));
        }
        if (!linear) {
            activation(conv.activation(), laidOut, output);
        }
        return null;
    }

    @Override
    public Void dense(LayerSpec.Dense dense) {
        int features = shape().last();
        String kernel = graph.floats(
                dense.name() + "/kernel",
                new long[] {features, dense.units()},
                parameters.get("kernel").value());
        boolean direct = dense.activation() == Activation.LINEAR;
        String product = direct && !dense.useBias() ? output : temp("matmul");
        graph.node("MatMul", List.of(input(), kernel), product);
        String result = product;
        if (dense.useBias()) {
            String bias = graph.floats(
                    dense.name() + "/bias",
                    new long[] {dense.units()},
                    parameters.get("bias").value());
            result = direct ? output : temp("biased");
            graph.node("Add", List.of(product, bias), result);
        }
        if (!direct) {
            activation(dense.activation(), result, output);
        }
        return null;
    }

    @Override
    public Void pooling1d(LayerSpec.Pooling1D pool) {
        Shape in = pool.dataFormat().toChannelsLast(shape());
        boolean direct = pool.dataFormat() == DataFormat.CHANNELS_FIRST;
        String pooled = direct ? output : temp("pool");
        if (pool.kind() == PoolKind.MAX) {
            graph.node(
                    "MaxPool",
                    List.of(toChannelsFirst(pool.dataFormat())),
                    pooled,
                    OnnxGraph.ints("kernel_shape", pool.poolSize()),
                    OnnxGraph.ints("strides", pool.strides()),
                    padding(in.dim(0), pool.poolSize(), pool.strides(), pool.padding()));
        } else {
            // count_include_pad=0: a same-padded window averages its real steps only, as in Keras
            graph.node(
                    "AveragePool",
                    List.of(toChannelsFirst(pool.dataFormat())),
                    pooled,
                    OnnxGraph.ints("kernel_shape", pool.poolSize()),
                    OnnxGraph.ints("strides", pool.strides()),
                    padding(in.dim(0), pool.poolSize(), pool.strides(), pool.padding()),
                    OnnxGraph.integer("count_include_pad", 0));
        }
        if (!direct) {
            graph.node("Transpose", List.of(pooled), output, OnnxGraph.ints("perm", 0, 2, 1));
        }
        return null;
    }

    @Override
    public Void globalPooling1d(LayerSpec.GlobalPooling1D pool) {
        graph.node(
                pool.kind() == PoolKind.MAX ? "ReduceMax" : "ReduceMean",
                List.of(input()),
                output,
                OnnxGraph.ints("axes", pool.dataFormat().stepsAxis() + 1),
                OnnxGraph.integer("keepdims", 0));
        return null;
    }

    @Override
    public Void flatten(LayerSpec.Flatten flatten) {
        graph.node("Flatten", List.of(input()), output, OnnxGraph.integer("axis", 1));
        return null;
    }

    @Override
    public Void dropout(LayerSpec.Dropout dropout) {
        graph.node("Identity", List.of(input()), output);
        return null;
    }

    @Override
    public Void activation(LayerSpec.ActivationLayer layer) {
        activation(layer.activation(), input(), output);
        return null;
    }

    @Override
    public Void embedding(LayerSpec.Embedding embedding) {
        String table = graph.floats(
                embedding.name() + "/embeddings",
                new long[] {embedding.inputDim(), embedding.outputDim()},
                parameters.get("embeddings").value());
        graph.node("Gather", List.of(table, input()), output, OnnxGraph.integer("axis", 0));
        return null;
    }

    @Override
    public Void repeatVector(LayerSpec.RepeatVector repeat) {
        String expanded = temp("unsqueezed");
        graph.node("Unsqueeze", List.of(input(), graph.int64s(output + "/axes", 1)), expanded);
        graph.node("Tile", List.of(expanded, graph.int64s(output + "/repeats", 1, repeat.n(), 1)), output);
        return null;
    }

    @Override
    public Void reshape(LayerSpec.Reshape reshape) {
        long[] target = new long[reshape.targetShape().size() + 1];
        // 0 keeps the batch dimension of the input
        for (int i = 0; i < reshape.targetShape().size(); i++) {
            target[i + 1] = reshape.targetShape().get(i);
        }
        graph.node("Reshape", List.of(input(), graph.int64s(output + "/shape", target)), output);
        return null;
    }

    @Override
    public Void merge(LayerSpec.Merge merge) {
        List<String> aligned = alignedRanks();
        if (aligned.size() == 1) {
            graph.node("Identity", aligned, output);
            return null;
        }
        switch (merge.kind()) {
            case ADD -> graph.node(aligned.size() == 2 ? "Add" : "Sum", aligned, output);
            case SUBTRACT -> graph.node("Sub", aligned, output);
            case MULTIPLY -> {
                String product = aligned.get(0);
                for (int i = 1; i < aligned.size(); i++) {
                    String next = i == aligned.size() - 1 ? output : temp("product");
                    graph.node("Mul", List.of(product, aligned.get(i)), next);
                    product = next;
                }
            }
            case AVERAGE -> graph.node("Mean", aligned, output);
            case MAXIMUM -> graph.node("Max", aligned, output);
            case MINIMUM -> graph.node("Min", aligned, output);
        }
        return null;
    }

    @Override
    public Void concatenate(LayerSpec.Concatenate concatenate) {
        graph.node("Concat", inputs, output, OnnxGraph.integer("axis", concatenate.axis()));
        return null;
    }

    @Override
    public Void batchNormalization(LayerSpec.BatchNormalization norm) {
        // inference: y = x * scale + shift, scale = gamma / sqrt(moving_variance + epsilon),
        // shift = beta - moving_mean * scale, per channel (the last axis, which ONNX broadcasts over)
        float[] mean = parameters.get("moving_mean").value();
        float[] variance = parameters.get("moving_variance").value();
        int channels = mean.length;
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            float gamma = norm.scale() ? parameters.get("gamma").value()[c] : 1f;
            float beta = norm.center() ? parameters.get("beta").value()[c] : 0f;
            scale[c] = gamma / (float) Math.sqrt(variance[c] + norm.epsilon());
            shift[c] = beta - mean[c] * scale[c];
        }
        String scaled = temp("scaled");
        graph.node("Mul", List.of(input(), graph.floats(norm.name() + "/scale", new long[] {channels}, scale)), scaled);
        graph.node("Add", List.of(scaled, graph.floats(norm.name() + "/shift", new long[] {channels}, shift)), output);
        return null;
    }

    @Override
    public Void layerNormalization(LayerSpec.LayerNormalization norm) {
        int features = shape().last();
        float[] gamma = new float[features];
        Arrays.fill(gamma, 1f);
        if (norm.scale()) {
            gamma = parameters.get("gamma").value();
        }
        List<String> operands = new ArrayList<>();
        operands.add(input());
        operands.add(graph.floats(norm.name() + "/gamma", new long[] {features}, gamma));
        if (norm.center()) {
            operands.add(graph.floats(
                    norm.name() + "/beta",
                    new long[] {features},
                    parameters.get("beta").value()));
        }
        graph.node(
                "LayerNormalization", operands, output, OnnxGraph.integer("axis", -1), OnnxGraph.real("epsilon", (float)
                        norm.epsilon()));
        return null;
    }

    @Override
    public Void zeroPadding1d(LayerSpec.ZeroPadding1D padding) {
        graph.node(
                "Pad",
                List.of(input(), graph.int64s(output + "/pads", 0, padding.left(), 0, 0, padding.right(), 0)),
                output);
        return null;
    }

    @Override
    public Void cropping1d(LayerSpec.Cropping1D cropping) {
        long end = cropping.right() == 0 ? Long.MAX_VALUE : -cropping.right();
        graph.node(
                "Slice",
                List.of(
                        input(),
                        graph.int64s(output + "/starts", cropping.left()),
                        graph.int64s(output + "/ends", end),
                        graph.int64s(output + "/axes", 1)),
                output);
        return null;
    }

    @Override
    public Void upSampling1d(LayerSpec.UpSampling1D upSampling) {
        // (N, L, C) -> (N, C, L, 1) -> each step `size` times -> (N, C, L*size) -> (N, L*size, C)
        String ncl = toChannelsFirst(DataFormat.CHANNELS_LAST);
        String column = temp("column");
        graph.node("Unsqueeze", List.of(ncl, graph.int64s(output + "/axes", 3)), column);
        String tiled = temp("tiled");
        graph.node("Tile", List.of(column, graph.int64s(output + "/repeats", 1, 1, 1, upSampling.size())), tiled);
        String joined = temp("joined");
        graph.node("Reshape", List.of(tiled, graph.int64s(output + "/shape", 0, 0, -1)), joined);
        graph.node("Transpose", List.of(joined), output, OnnxGraph.ints("perm", 0, 2, 1));
        return null;
    }

    @Override
    public Void permute(LayerSpec.Permute permute) {
        long[] perm = new long[permute.dims().size() + 1];
        for (int i = 0; i < permute.dims().size(); i++) {
            perm[i + 1] = permute.dims().get(i); // Keras counts the axes after the batch from 1
        }
        graph.node("Transpose", List.of(input()), output, OnnxGraph.ints("perm", perm));
        return null;
    }

    @Override
    public Void spatialDropout1d(LayerSpec.SpatialDropout1D dropout) {
        graph.node("Identity", List.of(input()), output);
        return null;
    }

    /**
     * The inputs with lower ranks raised to the highest by axes of size 1 after the batch: Lamina
     * lines a lower rank up with the last axes of the others, ONNX's broadcasting then does too.
     */
    private List<String> alignedRanks() {
        int rank = shapes.stream().mapToInt(Shape::rank).max().orElseThrow();
        List<String> aligned = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int missing = rank - shapes.get(i).rank();
            if (missing == 0) {
                aligned.add(inputs.get(i));
                continue;
            }
            long[] axes = new long[missing];
            for (int a = 0; a < missing; a++) {
                axes[a] = 1 + a;
            }
            String raised = temp("raised" + i);
            graph.node("Unsqueeze", List.of(inputs.get(i), graph.int64s(output + "/axes", axes)), raised);
            aligned.add(raised);
        }
        return aligned;
    }

    /** The input as {@code (N, C, L)}: itself for channels_first, else transposed. */
    private String toChannelsFirst(DataFormat format) {
        if (format == DataFormat.CHANNELS_FIRST) {
            return input();
        }
        String transposed = temp("ncl");
        graph.node("Transpose", List.of(input()), transposed, OnnxGraph.ints("perm", 0, 2, 1));
        return transposed;
    }

    /** {@code pads} from Keras's rule for a known length; {@code auto_pad=SAME_UPPER} for same padding of a run-time length. */
    private static ai.onnx.proto.OnnxMl.AttributeProto padding(int length, int span, int strides, Padding padding) {
        if (length == Shape.UNKNOWN && padding == Padding.SAME) {
            return OnnxGraph.text("auto_pad", "SAME_UPPER");
        }
        long left = padding == Padding.CAUSAL ? span - 1 : WindowRule.leftPadding(length, span, strides, padding);
        long total = padding == Padding.CAUSAL ? span - 1 : WindowRule.totalPadding(length, span, strides, padding);
        return OnnxGraph.ints("pads", left, total - left);
    }

    /** Writes {@code activation(x)} into {@code out}; softmax on the last axis, gelu in its exact erf form. */
    private void activation(Activation activation, String x, String out) {
        switch (activation) {
            case LINEAR -> graph.node("Identity", List.of(x), out);
            case RELU -> graph.node("Relu", List.of(x), out);
            case TANH -> graph.node("Tanh", List.of(x), out);
            case SIGMOID -> graph.node("Sigmoid", List.of(x), out);
            case SOFTMAX -> graph.node("Softmax", List.of(x), out, OnnxGraph.integer("axis", -1));
            case ELU -> graph.node("Elu", List.of(x), out, OnnxGraph.real("alpha", 1f));
            case SOFTPLUS -> graph.node("Softplus", List.of(x), out);
            case SILU -> {
                String gate = temp("silu_sigmoid");
                graph.node("Sigmoid", List.of(x), gate);
                graph.node("Mul", List.of(x, gate), out);
            }
            case SELU -> graph.node(
                    "Selu",
                    List.of(x),
                    out,
                    OnnxGraph.real("alpha", (float) Functions.SELU_ALPHA),
                    OnnxGraph.real("gamma", (float) Functions.SELU_SCALE));
            case LEAKY_RELU -> graph.node(
                    "LeakyRelu", List.of(x), out, OnnxGraph.real("alpha", Functions.LEAKY_RELU_SLOPE));
                // Keras 3: relu6(x + 3) / 6 = clip(x / 6 + 0.5, 0, 1)
            case HARD_SIGMOID -> graph.node(
                    "HardSigmoid", List.of(x), out, OnnxGraph.real("alpha", 1f / 6), OnnxGraph.real("beta", 0.5f));
            case SOFTSIGN -> graph.node("Softsign", List.of(x), out);
            case GELU -> {
                // 0.5 * x * (1 + erf(x / sqrt(2)))
                String scaled = temp("gelu_scaled");
                graph.node("Div", List.of(x, graph.scalar(SQRT_2)), scaled);
                String erf = temp("gelu_erf");
                graph.node("Erf", List.of(scaled), erf);
                String shifted = temp("gelu_shifted");
                graph.node("Add", List.of(erf, graph.scalar(1f)), shifted);
                String product = temp("gelu_product");
                graph.node("Mul", List.of(x, shifted), product);
                graph.node("Mul", List.of(product, graph.scalar(0.5f)), out);
            }
        }
    }
}
