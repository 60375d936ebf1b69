package dev.lamina.compiler.check;

import static dev.lamina.compiler.check.Signature.optional;
import static dev.lamina.compiler.check.Signature.required;

import dev.lamina.compiler.check.Signature.Kind;
import dev.lamina.runtime.spec.MergeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every layer, optimizer and loss option of the language (Keras names and order). */
final class Catalog {
    /** Layer type to signature; every layer also takes {@code name=}. */
    static final Map<String, Signature> LAYERS = new LinkedHashMap<>();
    /** Optimizer name to signature; every optimizer also takes the clipping options. */
    static final Map<String, Signature> OPTIMIZERS = new LinkedHashMap<>();
    /** Loss name to signature, for the losses that have options. */
    static final Map<String, Signature> LOSS_OPTIONS = new LinkedHashMap<>();
    /** Options every optimizer takes: Keras 3's gradient clipping (at most one of them). */
    static final List<String> CLIPPING = List.of("clipnorm", "clipvalue", "global_clipnorm");

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
        layer(
                "batch_normalization",
                optional("momentum", Kind.NUMBER),
                optional("epsilon", Kind.NUMBER),
                optional("center", Kind.BOOL),
                optional("scale", Kind.BOOL));
        layer(
                "layer_normalization",
                optional("epsilon", Kind.NUMBER),
                optional("center", Kind.BOOL),
                optional("scale", Kind.BOOL));
        layer("zero_padding1d", optional("padding", Kind.INT_OR_PAIR));
        layer("cropping1d", optional("cropping", Kind.INT_OR_PAIR));
        layer("up_sampling1d", optional("size", Kind.INT));
        layer("permute", required("dims", Kind.INT_LIST));
        layer("spatial_dropout1d", required("rate", Kind.NUMBER));

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
        optimizer(
                "adamw",
                optional("learning_rate", Kind.NUMBER),
                optional("weight_decay", Kind.NUMBER),
                optional("beta_1", Kind.NUMBER),
                optional("beta_2", Kind.NUMBER),
                optional("epsilon", Kind.NUMBER));
        optimizer(
                "adagrad",
                optional("learning_rate", Kind.NUMBER),
                optional("initial_accumulator_value", Kind.NUMBER),
                optional("epsilon", Kind.NUMBER));

        LOSS_OPTIONS.put("huber", new Signature("huber", List.of(optional("delta", Kind.NUMBER))));
    }

    private Catalog() {}

    private static void layer(String type, Signature.Param... params) {
        List<Signature.Param> all = new java.util.ArrayList<>(List.of(params));
        all.add(optional("name", Kind.WORD));
        LAYERS.put(type, new Signature(type, all));
    }

    private static void optimizer(String name, Signature.Param... params) {
        List<Signature.Param> all = new java.util.ArrayList<>(List.of(params));
        for (String clipping : CLIPPING) {
            all.add(optional(clipping, Kind.NUMBER));
        }
        OPTIMIZERS.put(name, new Signature(name, all));
    }
}
