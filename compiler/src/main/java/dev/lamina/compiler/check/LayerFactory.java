package dev.lamina.compiler.check;

import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import java.util.Arrays;
import java.util.List;

/** Resolves a layer's bound arguments and Keras defaults into a runtime {@link LayerSpec}. */
final class LayerFactory {
    private static final List<String> ACTIVATIONS =
            Arrays.stream(Activation.values()).map(Activation::kerasName).toList();
    private static final List<String> CONV_PADDINGS = List.of("valid", "same", "causal");
    private static final List<String> POOL_PADDINGS = List.of("valid", "same");

    private LayerFactory() {}

    /** The spec, or {@code null} when an argument was rejected (already reported). */
    static LayerSpec build(String type, String name, Arguments args) {
        LayerSpec spec =
                switch (type) {
                    case "conv1d" -> conv1d(name, args);
                    case "dense" -> new LayerSpec.Dense(
                            name, nonNull(args.positiveInt("units", null)), bool(args), activation(args, "linear"));
                    case "max_pooling1d" -> pooling(name, PoolKind.MAX, args);
                    case "average_pooling1d" -> pooling(name, PoolKind.AVERAGE, args);
                    case "global_max_pooling1d" -> new LayerSpec.GlobalPooling1D(name, PoolKind.MAX);
                    case "global_average_pooling1d" -> new LayerSpec.GlobalPooling1D(name, PoolKind.AVERAGE);
                    case "flatten" -> new LayerSpec.Flatten(name);
                    case "dropout" -> new LayerSpec.Dropout(
                            name, nonNull(args.numberIn("rate", null, 0, true, 1, false)));
                    case "activation" -> new LayerSpec.ActivationLayer(name, activation(args, null));
                    case "embedding" -> new LayerSpec.Embedding(
                            name,
                            nonNull(args.positiveInt("input_dim", null)),
                            nonNull(args.positiveInt("output_dim", null)));
                    case "repeat_vector" -> new LayerSpec.RepeatVector(name, nonNull(args.positiveInt("n", null)));
                    case "reshape" -> {
                        List<Integer> target = args.positiveIntList("target_shape");
                        yield target == null ? null : new LayerSpec.Reshape(name, target);
                    }
                    default -> throw new IllegalArgumentException("no layer " + type);
                };
        return args.failed() ? null : spec;
    }

    private static LayerSpec conv1d(String name, Arguments args) {
        Integer filters = args.positiveInt("filters", null);
        Integer kernel = args.positiveInt("kernel_size", null);
        Integer strides = args.positiveInt("strides", 1);
        String padding = args.word("padding", "valid", CONV_PADDINGS, "padding");
        Integer dilation = args.positiveInt("dilation_rate", 1);
        Boolean bias = args.bool("use_bias", true);
        Activation activation = activation(args, "linear");
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
        if (args.failed()) {
            return null;
        }
        return new LayerSpec.Conv1D(
                name, filters, kernel, strides, Padding.fromKerasName(padding), dilation, bias, activation);
    }

    private static LayerSpec pooling(String name, PoolKind kind, Arguments args) {
        Integer pool = args.positiveInt("pool_size", 2);
        Integer strides = args.positiveIntOrNone("strides", pool);
        String padding = args.word("padding", "valid", POOL_PADDINGS, "padding");
        if (args.failed()) {
            return null;
        }
        return new LayerSpec.Pooling1D(name, kind, pool, strides, Padding.fromKerasName(padding));
    }

    private static boolean bool(Arguments args) {
        Boolean value = args.bool("use_bias", true);
        return value == null || value;
    }

    private static Activation activation(Arguments args, String fallback) {
        String name = args.word("activation", fallback, ACTIVATIONS, "activation");
        return name == null ? Activation.LINEAR : Activation.fromKerasName(name);
    }

    /** Placeholder for a rejected value; the spec is discarded because the arguments failed. */
    private static int nonNull(Integer value) {
        return value == null ? 1 : value;
    }

    private static double nonNull(Double value) {
        return value == null ? 0 : value;
    }
}
