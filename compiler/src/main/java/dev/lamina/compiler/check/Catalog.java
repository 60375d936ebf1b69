package dev.lamina.compiler.check;

import static dev.lamina.compiler.check.Signature.optional;
import static dev.lamina.compiler.check.Signature.required;

import dev.lamina.compiler.check.Signature.Kind;
import dev.lamina.runtime.spec.MergeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every layer and optimizer of the language with its options (Keras names and order). */
final class Catalog {
    /** Layer type to signature; every layer also takes {@code name=}. */
    static final Map<String, Signature> LAYERS = new LinkedHashMap<>();
    /** Optimizer name to signature. */
    static final Map<String, Signature> OPTIMIZERS = new LinkedHashMap<>();

    static {
        layer(
                "conv1d",
                required("filters", Kind.INT),
                required("kernel_size", Kind.INT),
                optional("strides", Kind.INT),
                optional("padding", Kind.WORD),
                optional("dilation_rate", Kind.INT),
                optional("activation", Kind.WORD),
                optional("use_bias", Kind.BOOL),
                optional("data_format", Kind.WORD));
        layer("dense", required("units", Kind.INT), optional("activation", Kind.WORD), optional("use_bias", Kind.BOOL));
        for (String pool : List.of("max_pooling1d", "average_pooling1d")) {
            layer(
                    pool,
                    optional("pool_size", Kind.INT),
                    optional("strides", Kind.INT_OR_NONE),
                    optional("padding", Kind.WORD),
                    optional("data_format", Kind.WORD));
        }
        layer("global_max_pooling1d", optional("data_format", Kind.WORD));
        layer("global_average_pooling1d", optional("data_format", Kind.WORD));
        layer("flatten");
        layer("dropout", required("rate", Kind.NUMBER));
        layer("activation", required("activation", Kind.WORD));
        layer("embedding", required("input_dim", Kind.INT), required("output_dim", Kind.INT));
        layer("repeat_vector", required("n", Kind.INT));
        layer("reshape", required("target_shape", Kind.INT_LIST));
        for (MergeKind merge : MergeKind.values()) {
            layer(merge.kerasName());
        }
        layer("concatenate", optional("axis", Kind.INT));

        optimizer(
                "sgd",
                optional("learning_rate", Kind.NUMBER),
                optional("momentum", Kind.NUMBER),
                optional("nesterov", Kind.BOOL));
        optimizer(
                "adam",
                optional("learning_rate", Kind.NUMBER),
                optional("beta_1", Kind.NUMBER),
                optional("beta_2", Kind.NUMBER),
                optional("epsilon", Kind.NUMBER));
        optimizer(
                "rmsprop",
                optional("learning_rate", Kind.NUMBER),
                optional("rho", Kind.NUMBER),
                optional("epsilon", Kind.NUMBER));
    }

    private Catalog() {}

    private static void layer(String type, Signature.Param... params) {
        List<Signature.Param> all = new java.util.ArrayList<>(List.of(params));
        all.add(optional("name", Kind.WORD));
        LAYERS.put(type, new Signature(type, all));
    }

    private static void optimizer(String name, Signature.Param... params) {
        OPTIMIZERS.put(name, new Signature(name, List.of(params)));
    }
}
