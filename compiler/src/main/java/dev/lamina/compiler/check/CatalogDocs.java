package dev.lamina.compiler.check;

import java.util.Map;
import java.util.Optional;

/**
 * The documentation of the language's vocabulary, in one place: what each layer, option, value,
 * loss and optimizer does, the Keras class of each layer and optimizer, and each option's default
 * as written in a spec. {@link LanguageCatalog} serves it to tools; {@code LanguageCatalogTest}
 * checks that every entry of {@link Catalog} is documented and that every default written here is
 * the one the checker applies.
 */
final class CatalogDocs {
    /** A layer's or optimizer's Keras class and one-line description. */
    record Doc(String kerasClass, String text) {}

    static final Map<String, Doc> LAYERS = Map.ofEntries(
            Map.entry(
                    "conv1d",
                    new Doc(
                            "Conv1D",
                            "1D convolution: `filters` kernels of `kernel_size` steps slide over the steps,"
                                    + " (steps, channels) -> (steps', filters).")),
            Map.entry(
                    "dense",
                    new Doc(
                            "Dense",
                            "Fully connected layer on the last axis, (..., features) -> (..., units); on"
                                    + " (steps, features) it runs on every step.")),
            Map.entry(
                    "max_pooling1d",
                    new Doc(
                            "MaxPooling1D",
                            "Maximum over windows of `pool_size` steps, (steps, channels) -> (steps', channels).")),
            Map.entry(
                    "average_pooling1d",
                    new Doc(
                            "AveragePooling1D",
                            "Average over windows of `pool_size` steps, (steps, channels) -> (steps', channels).")),
            Map.entry(
                    "global_max_pooling1d",
                    new Doc(
                            "GlobalMaxPooling1D",
                            "Maximum over all steps, (steps, channels) -> (channels); any number of steps.")),
            Map.entry(
                    "global_average_pooling1d",
                    new Doc(
                            "GlobalAveragePooling1D",
                            "Average over all steps, (steps, channels) -> (channels); any number of steps.")),
            Map.entry(
                    "flatten",
                    new Doc(
                            "Flatten",
                            "Joins every axis into one, (d1, d2, ...) -> (d1*d2*...); sizes must be known.")),
            Map.entry(
                    "dropout",
                    new Doc(
                            "Dropout",
                            "Zeroes a fraction `rate` of the values in training and scales the rest; the"
                                    + " identity at inference. The shape is unchanged.")),
            Map.entry(
                    "activation", new Doc("Activation", "Applies an activation element-wise; the shape is unchanged.")),
            Map.entry(
                    "embedding",
                    new Doc(
                            "Embedding",
                            "Looks up a vector per integer token id, (steps) -> (steps, output_dim); the first"
                                    + " layer after an `int` input.")),
            Map.entry(
                    "repeat_vector",
                    new Doc("RepeatVector", "Repeats a vector `n` times, (features) -> (n, features).")),
            Map.entry("reshape", new Doc("Reshape", "Gives a known shape a new one with the same number of elements.")),
            Map.entry(
                    "add",
                    new Doc("Add", "Element-wise sum of a list of tensors (`[a, b] -> add`); shapes broadcast.")),
            Map.entry(
                    "subtract",
                    new Doc("Subtract", "The first of exactly two tensors minus the second (`[a, b] -> subtract`).")),
            Map.entry(
                    "multiply",
                    new Doc("Multiply", "Element-wise product of a list of tensors (`[a, b] -> multiply`).")),
            Map.entry("average", new Doc("Average", "Element-wise mean of a list of tensors (`[a, b] -> average`).")),
            Map.entry(
                    "maximum", new Doc("Maximum", "Element-wise maximum of a list of tensors (`[a, b] -> maximum`).")),
            Map.entry(
                    "minimum", new Doc("Minimum", "Element-wise minimum of a list of tensors (`[a, b] -> minimum`).")),
            Map.entry(
                    "concatenate",
                    new Doc(
                            "Concatenate",
                            "Joins a list of tensors along `axis` (`[a, b] -> concatenate`); the other axes"
                                    + " must be equal.")),
            Map.entry(
                    "batch_normalization",
                    new Doc(
                            "BatchNormalization",
                            "Normalizes each channel (the last axis) by the batch's mean and variance in training"
                                    + " and by moving averages of them at inference, then scales and shifts it.")),
            Map.entry(
                    "layer_normalization",
                    new Doc(
                            "LayerNormalization",
                            "Normalizes each position over its last axis (mean 0, variance 1), then scales and"
                                    + " shifts it.")),
            Map.entry(
                    "zero_padding1d",
                    new Doc(
                            "ZeroPadding1D",
                            "Adds zero steps before and after, (steps, channels) -> (steps', channels).")),
            Map.entry(
                    "cropping1d",
                    new Doc(
                            "Cropping1D",
                            "Removes steps at the start and end, (steps, channels) -> (steps', channels).")),
            Map.entry(
                    "up_sampling1d",
                    new Doc(
                            "UpSampling1D",
                            "Repeats each step `size` times, (steps, channels) -> (steps*size, channels).")),
            Map.entry(
                    "permute",
                    new Doc("Permute", "Reorders the axes of an example; `dims` counts them from 1, e.g. [2, 1].")),
            Map.entry(
                    "spatial_dropout1d",
                    new Doc(
                            "SpatialDropout1D",
                            "Zeroes whole channels (a fraction `rate` of them, per example) in training and scales"
                                    + " the rest; the identity at inference.")));

    static final Map<String, Doc> OPTIMIZERS = Map.of(
            "sgd", new Doc("SGD", "Stochastic gradient descent, with optional (Nesterov) momentum."),
            "adam", new Doc("Adam", "Adam: adaptive moments of the gradients."),
            "rmsprop", new Doc("RMSprop", "RMSprop: steps scaled by a moving average of squared gradients."),
            "adamw", new Doc("AdamW", "Adam with decoupled weight decay: each step also shrinks the weights."),
            "adagrad", new Doc("Adagrad", "Adagrad: steps scaled by the sum of all past squared gradients."));

    /**
     * What an option means; {@code owner.option} entries override the shared {@code option} ones
     * (e.g. {@code strides} of a pooling layer).
     */
    static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("filters", "Number of kernels: the output channels."),
            Map.entry("kernel_size", "Length of each kernel in steps."),
            Map.entry("strides", "Steps between the starts of two windows."),
            Map.entry("max_pooling1d.strides", "Steps between the starts of two windows; None means `pool_size`."),
            Map.entry("average_pooling1d.strides", "Steps between the starts of two windows; None means `pool_size`."),
            Map.entry("padding", "How the input is padded with zeros at its ends."),
            Map.entry("data_format", "Which axis of an example holds the channels: the last or the first."),
            Map.entry(
                    "dilation_rate",
                    "Spacing between the kernel's taps: the kernel spans (kernel_size - 1)*dilation_rate + 1 steps."),
            Map.entry("activation", "Applied to the output, element-wise (softmax on the last axis)."),
            Map.entry("use_bias", "Whether a bias vector is added (and trained)."),
            Map.entry("units", "Number of output features."),
            Map.entry("pool_size", "Length of each window in steps."),
            Map.entry("rate", "Fraction of the values zeroed in training, in [0, 1)."),
            Map.entry("input_dim", "Vocabulary size: token ids lie in [0, input_dim)."),
            Map.entry("output_dim", "Length of each embedding vector."),
            Map.entry("n", "How many times the vector is repeated."),
            Map.entry("target_shape", "The new shape of one example, e.g. [4, 2]."),
            Map.entry("axis", "The axis to join along, counted with the batch axis (-1: the last)."),
            Map.entry(
                    "name", "The layer's name, used for its parameters (name/kernel, name/bias); unique in the model."),
            Map.entry("learning_rate", "Step size, positive."),
            Map.entry("momentum", "Momentum, in [0, 1]."),
            Map.entry("nesterov", "Whether the momentum is Nesterov's."),
            Map.entry("beta_1", "Decay of the first-moment average, in [0, 1)."),
            Map.entry("beta_2", "Decay of the second-moment average, in [0, 1)."),
            Map.entry("epsilon", "Added to the denominator for stability, positive."),
            Map.entry("rho", "Decay of the squared-gradient average, in [0, 1)."),
            Map.entry("center", "Whether a trainable offset `beta` is added."),
            Map.entry("scale", "Whether the result is multiplied by a trainable `gamma`."),
            Map.entry(
                    "batch_normalization.momentum",
                    "Weight of the old value in the moving mean and variance, in [0, 1]."),
            Map.entry("batch_normalization.epsilon", "Added to the variance before the square root, positive."),
            Map.entry("layer_normalization.epsilon", "Added to the variance before the square root, positive."),
            Map.entry("zero_padding1d.padding", "Zero steps added: an int for both ends, or [left, right]."),
            Map.entry("cropping", "Steps removed: an int for both ends, or [left, right]."),
            Map.entry("size", "How many times each step is repeated."),
            Map.entry("dims", "The new order of the axes, counted from 1 (the batch axis excluded)."),
            Map.entry("weight_decay", "Fraction of each weight removed per step, times the learning rate."),
            Map.entry("initial_accumulator_value", "The starting value of the squared-gradient sums."),
            Map.entry("clipnorm", "Scales each gradient tensor down to this norm at most."),
            Map.entry("clipvalue", "Clips each gradient element to [-clipvalue, clipvalue]."),
            Map.entry("global_clipnorm", "Scales all gradients together down to this joint norm at most."));

    /**
     * Each option's default as written in a spec, by {@code owner.option}; a required option has
     * none. {@code name} defaults to the type name, numbered like Keras.
     */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("conv1d.strides", "1"),
            Map.entry("conv1d.padding", "valid"),
            Map.entry("conv1d.dilation_rate", "1"),
            Map.entry("conv1d.activation", "linear"),
            Map.entry("conv1d.use_bias", "true"),
            Map.entry("conv1d.data_format", "channels_last"),
            Map.entry("dense.activation", "linear"),
            Map.entry("dense.use_bias", "true"),
            Map.entry("max_pooling1d.pool_size", "2"),
            Map.entry("max_pooling1d.strides", "None"),
            Map.entry("max_pooling1d.padding", "valid"),
            Map.entry("max_pooling1d.data_format", "channels_last"),
            Map.entry("average_pooling1d.pool_size", "2"),
            Map.entry("average_pooling1d.strides", "None"),
            Map.entry("average_pooling1d.padding", "valid"),
            Map.entry("average_pooling1d.data_format", "channels_last"),
            Map.entry("global_max_pooling1d.data_format", "channels_last"),
            Map.entry("global_average_pooling1d.data_format", "channels_last"),
            Map.entry("batch_normalization.momentum", "0.99"),
            Map.entry("batch_normalization.epsilon", "0.001"),
            Map.entry("batch_normalization.center", "true"),
            Map.entry("batch_normalization.scale", "true"),
            Map.entry("layer_normalization.epsilon", "0.001"),
            Map.entry("layer_normalization.center", "true"),
            Map.entry("layer_normalization.scale", "true"),
            Map.entry("zero_padding1d.padding", "1"),
            Map.entry("cropping1d.cropping", "1"),
            Map.entry("up_sampling1d.size", "2"),
            Map.entry("concatenate.axis", "-1"),
            Map.entry("sgd.learning_rate", "0.01"),
            Map.entry("sgd.momentum", "0.0"),
            Map.entry("sgd.nesterov", "false"),
            Map.entry("adam.learning_rate", "0.001"),
            Map.entry("adam.beta_1", "0.9"),
            Map.entry("adam.beta_2", "0.999"),
            Map.entry("adam.epsilon", "1e-7"),
            Map.entry("rmsprop.learning_rate", "0.001"),
            Map.entry("rmsprop.rho", "0.9"),
            Map.entry("rmsprop.epsilon", "1e-7"),
            Map.entry("adamw.learning_rate", "0.001"),
            Map.entry("adamw.weight_decay", "0.004"),
            Map.entry("adamw.beta_1", "0.9"),
            Map.entry("adamw.beta_2", "0.999"),
            Map.entry("adamw.epsilon", "1e-7"),
            Map.entry("adagrad.learning_rate", "0.001"),
            Map.entry("adagrad.initial_accumulator_value", "0.1"),
            Map.entry("adagrad.epsilon", "1e-7"));

    /** What each value of a closed set means: activations, paddings, losses, booleans. */
    static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("linear", "The identity, x."),
            Map.entry("relu", "max(x, 0)."),
            Map.entry("tanh", "The hyperbolic tangent."),
            Map.entry("sigmoid", "1 / (1 + e^-x), in (0, 1)."),
            Map.entry("softmax", "e^x normalized to sum to 1 over the last axis."),
            Map.entry("elu", "x for x > 0, else e^x - 1 (alpha 1)."),
            Map.entry("softplus", "log(1 + e^x)."),
            Map.entry("gelu", "x * Phi(x), the exact (erf) form."),
            Map.entry("silu", "x * sigmoid(x) (swish)."),
            Map.entry("selu", "scale * elu(x, alpha) with Keras's constants (self-normalizing)."),
            Map.entry("leaky_relu", "x for x > 0, else 0.2 x."),
            Map.entry("hard_sigmoid", "relu6(x + 3) / 6: 0 below -3, 1 above 3, linear between."),
            Map.entry("softsign", "x / (1 + |x|), in (-1, 1)."),
            Map.entry("valid", "No padding: every window lies inside the input."),
            Map.entry(
                    "same",
                    "Zeros on both ends (the smaller half on the left), so that steps' = ceil(steps / strides)."),
            Map.entry(
                    "causal",
                    "(kernel_size - 1)*dilation_rate zeros on the left: output step t sees input steps up to t."),
            Map.entry("channels_last", "Examples are (steps, channels), as Keras writes by default."),
            Map.entry("channels_first", "Examples are (channels, steps), as PyTorch's Conv1d expects."),
            Map.entry("true", "Yes."),
            Map.entry("false", "No."),
            Map.entry("mse", "Mean squared error over every element."),
            Map.entry("mae", "Mean absolute error over every element."),
            Map.entry("huber", "Squared error below `delta`, absolute error (linear) above it; robust to outliers."),
            Map.entry("binary_crossentropy", "Probabilities in [0, 1] against 0/1 targets (use activation=sigmoid)."),
            Map.entry(
                    "categorical_crossentropy",
                    "One-hot targets, probabilities on the last axis (use activation=softmax)."),
            Map.entry(
                    "sparse_categorical_crossentropy",
                    "Class-index targets, probabilities on the last axis (use activation=softmax)."));

    /** Training settings: what may stand first in a line of a {@code train} section. */
    static final Map<String, String> SETTINGS = Map.of(
            "loss", "The loss minimized in training: `loss mse`.",
            "optimizer", "The optimizer and its options: `optimizer adam(learning_rate=0.001)`.");

    private CatalogDocs() {}

    /** The documentation of {@code owner}'s option {@code option}. */
    static String option(String owner, String option) {
        String text = OPTIONS.getOrDefault(owner + "." + option, OPTIONS.get(option));
        if (text == null) {
            throw new IllegalStateException("option " + owner + "." + option + " is not documented in CatalogDocs");
        }
        return text;
    }

    static Optional<String> defaultValue(String owner, String option) {
        return Optional.ofNullable(DEFAULTS.get(owner + "." + option));
    }
}
