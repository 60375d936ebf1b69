package dev.lamina.compiler.check;

import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Resolves a layer's bound arguments and Keras defaults into a runtime {@link LayerSpec}. */
final class LayerFactory {
    static final List<String> ACTIVATIONS =
            Arrays.stream(Activation.values()).map(Activation::kerasName).toList();
    static final List<String> CONV_PADDINGS = List.of("valid", "same", "causal");
    static final List<String> POOL_PADDINGS = List.of("valid", "same");
    static final List<String> DATA_FORMATS =
            Arrays.stream(DataFormat.values()).map(DataFormat::kerasName).toList();

    private LayerFactory() {}

    /** The spec, or {@code null} when an argument was rejected (already reported). */
    static LayerSpec build(String type, String name, Arguments args) {
        return switch (type) {
            case "conv1d" -> conv1d(name, args);
            case "dense" -> dense(name, args);
            case "max_pooling1d" -> pooling(name, PoolKind.MAX, args);
            case "average_pooling1d" -> pooling(name, PoolKind.AVERAGE, args);
            case "global_max_pooling1d" -> globalPooling(name, PoolKind.MAX, args);
            case "global_average_pooling1d" -> globalPooling(name, PoolKind.AVERAGE, args);
            case "flatten" -> valid(args, new LayerSpec.Flatten(name));
            case "dropout" -> {
                Double rate = args.numberIn("rate", null, 0, true, 1, false);
                yield args.failed() ? null : new LayerSpec.Dropout(name, rate);
            }
            case "activation" -> {
                Activation activation = activation(args, null);
                yield args.failed() ? null : new LayerSpec.ActivationLayer(name, activation);
            }
            case "embedding" -> {
                Integer inputDim = args.positiveInt("input_dim", null);
                Integer outputDim = args.positiveInt("output_dim", null);
                yield args.failed() ? null : new LayerSpec.Embedding(name, inputDim, outputDim);
            }
            case "repeat_vector" -> {
                Integer n = args.positiveInt("n", null);
                yield args.failed() ? null : new LayerSpec.RepeatVector(name, n);
            }
            case "reshape" -> {
                List<Integer> target = args.positiveIntList("target_shape");
                yield args.failed() ? null : new LayerSpec.Reshape(name, target);
            }
            case "add", "subtract", "multiply", "average", "maximum", "minimum" -> valid(
                    args, new LayerSpec.Merge(name, MergeKind.valueOf(type.toUpperCase(Locale.ROOT))));
            case "concatenate" -> {
                Integer axis = args.anyInt("axis", -1);
                yield args.failed() ? null : new LayerSpec.Concatenate(name, axis);
            }
            case "batch_normalization" -> {
                Double momentum =
                        args.numberIn("momentum", LayerSpec.BatchNormalization.DEFAULT_MOMENTUM, 0, true, 1, true);
                Double epsilon = epsilon(args, LayerSpec.BatchNormalization.DEFAULT_EPSILON);
                Boolean center = args.bool("center", true);
                Boolean scale = args.bool("scale", true);
                yield args.failed() ? null : new LayerSpec.BatchNormalization(name, momentum, epsilon, center, scale);
            }
            case "layer_normalization" -> {
                Double epsilon = epsilon(args, LayerSpec.LayerNormalization.DEFAULT_EPSILON);
                Boolean center = args.bool("center", true);
                Boolean scale = args.bool("scale", true);
                yield args.failed() ? null : new LayerSpec.LayerNormalization(name, epsilon, center, scale);
            }
            case "zero_padding1d" -> {
                int[] padding = args.nonNegativePair("padding", 1);
                yield args.failed() ? null : new LayerSpec.ZeroPadding1D(name, padding[0], padding[1]);
            }
            case "cropping1d" -> {
                int[] cropping = args.nonNegativePair("cropping", 1);
                yield args.failed() ? null : new LayerSpec.Cropping1D(name, cropping[0], cropping[1]);
            }
            case "up_sampling1d" -> {
                Integer size = args.positiveInt("size", LayerSpec.UpSampling1D.DEFAULT_SIZE);
                yield args.failed() ? null : new LayerSpec.UpSampling1D(name, size);
            }
            case "permute" -> {
                List<Integer> dims = args.permutation("dims");
                yield args.failed() ? null : new LayerSpec.Permute(name, dims);
            }
            case "spatial_dropout1d" -> {
                Double rate = args.numberIn("rate", null, 0, true, 1, false);
                yield args.failed() ? null : new LayerSpec.SpatialDropout1D(name, rate);
            }
            default -> throw new IllegalArgumentException("no layer " + type);
        };
    }

    /** A normalization's epsilon: positive, added to the variance. */
    private static Double epsilon(Arguments args, double fallback) {
        return args.numberIn("epsilon", fallback, 0, false, Double.POSITIVE_INFINITY, false);
    }

    private static LayerSpec valid(Arguments args, LayerSpec spec) {
        return args.failed() ? null : spec;
    }

    private static LayerSpec dense(String name, Arguments args) {
        Integer units = args.positiveInt("units", null);
        Boolean bias = args.bool("use_bias", true);
        Activation activation = activation(args, "linear");
        return args.failed() ? null : new LayerSpec.Dense(name, units, bias, activation);
    }

    private static LayerSpec conv1d(String name, Arguments args) {
        Integer filters = args.positiveInt("filters", null);
        Integer kernel = args.positiveInt("kernel_size", null);
        Integer strides = args.positiveInt("strides", 1);
        String padding = args.word("padding", "valid", CONV_PADDINGS, "padding");
        Integer dilation = args.positiveInt("dilation_rate", 1);
        Boolean bias = args.bool("use_bias", true);
        Activation activation = activation(args, "linear");
        DataFormat format = dataFormat(args);
        if (strides != null && dilation != null && strides > 1 && dilation > 1) {
            args.report(Diagnostic.of(
                    ErrorCode.STRIDES_WITH_DILATION,
                    args.span("dilation_rate"),
                    "Keras rejects this combination: use strides=1 with dilation_rate=" + dilation
                            + ", or dilation_rate=1 with strides=" + strides,
                    "conv1d",
                    strides,
                    dilation));
        }
        if (activation == Activation.SOFTMAX && format == DataFormat.CHANNELS_FIRST) {
            args.report(Diagnostic.of(
                    ErrorCode.OUT_OF_RANGE,
                    args.span("activation"),
                    "Keras would normalize over the last axis, the steps here: write `activation(softmax)` after"
                            + " the layer for that, or use data_format=channels_last to normalize over the filters",
                    "conv1d activation with data_format=channels_first",
                    "element-wise",
                    "softmax"));
        }
        if (args.failed()) {
            return null;
        }
        return new LayerSpec.Conv1D(
                name, filters, kernel, strides, Padding.fromKerasName(padding), dilation, bias, activation, format);
    }

    private static LayerSpec pooling(String name, PoolKind kind, Arguments args) {
        Integer pool = args.positiveInt("pool_size", 2);
        Integer strides = args.positiveIntOrNone("strides", pool);
        String padding = args.word("padding", "valid", POOL_PADDINGS, "padding");
        DataFormat format = dataFormat(args);
        if (args.failed()) {
            return null;
        }
        return new LayerSpec.Pooling1D(name, kind, pool, strides, Padding.fromKerasName(padding), format);
    }

    private static LayerSpec globalPooling(String name, PoolKind kind, Arguments args) {
        DataFormat format = dataFormat(args);
        return args.failed() ? null : new LayerSpec.GlobalPooling1D(name, kind, format);
    }

    private static DataFormat dataFormat(Arguments args) {
        String name = args.word("data_format", "channels_last", DATA_FORMATS, "data_format");
        return name == null ? null : DataFormat.fromKerasName(name);
    }

    private static Activation activation(Arguments args, String fallback) {
        String name = args.word("activation", fallback, ACTIVATIONS, "activation");
        return name == null ? null : Activation.fromKerasName(name);
    }
}
