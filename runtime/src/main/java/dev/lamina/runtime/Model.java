package dev.lamina.runtime;

import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.optim.Optimizer;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A runnable model: the interpreter and every generated class implement this. Data is flat {@code
 * float[]}, channels-last, with an explicit batch size: an input batch holds {@code batch *
 * inputShape().size()} values (token ids as whole numbers for an integer input). A model with
 * several inputs takes one such array per input, in declaration order ({@link #inputs()}), or by
 * name ({@link #predict(Map, int)}); the single-array methods are for models with one input.
 *
 * <p>Instances keep working buffers between calls and are not thread-safe: use one per thread. A
 * model can itself split large batches across several threads ({@link #setThreads}).
 */
public interface Model {
    /** The spec this model runs. */
    ModelSpec spec();

    default String name() {
        return spec().name();
    }

    /** The model's inputs in declaration order: name, per-example shape, floats or token ids. */
    default List<InputSpec> inputs() {
        return spec().inputs();
    }

    /**
     * The per-example shape of the model's one input.
     *
     * @throws IllegalStateException for a model with several inputs
     */
    default Shape inputShape() {
        return onlyInput().shape();
    }

    /**
     * The model's one input.
     *
     * @throws IllegalStateException for a model with several inputs
     */
    default InputSpec onlyInput() {
        List<InputSpec> inputs = inputs();
        if (inputs.size() != 1) {
            throw new IllegalStateException("model " + name() + " has " + inputs.size() + " inputs "
                    + inputs.stream().map(InputSpec::name).toList() + ": pass one array per input");
        }
        return inputs.get(0);
    }

    /** Per-example output shape. */
    default Shape outputShape() {
        return spec().outputShape();
    }

    /**
     * Every parameter in layer order (kernel before bias; a batch normalization's gamma, beta,
     * moving_mean, moving_variance), trainable or not: what the weights file holds.
     */
    List<Parameter> parameters();

    /**
     * The parameters an optimizer updates ({@link Parameter#trainable()}), in the same order; always
     * the same list instance.
     */
    List<Parameter> trainableParameters();

    /** Total number of values of every parameter, trainable or not (Keras's "Total params"). */
    default long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /** Number of trainable values (Keras's "Trainable params"). */
    default long trainableParameterCount() {
        long n = 0;
        for (Parameter p : trainableParameters()) {
            n += p.size();
        }
        return n;
    }

    /**
     * A Keras-style table of the layers: name and type, per-example output shape, parameter count,
     * and for a model that is not a plain stack the tensors each reads; then the total.
     */
    default String summary() {
        ModelSpec spec = spec();
        boolean graph = !spec.isChain();
        StringBuilder table = new StringBuilder();
        table.append(String.format("Model: \"%s\"%n", name()));
        table.append(String.format("%-32s %-20s %10s", "Layer (type)", "Output Shape", "Param #"))
                .append(graph ? "  Connected to" : "")
                .append(System.lineSeparator());
        for (int n = 0; n < spec.nodes().size(); n++) {
            var node = spec.nodes().get(n);
            table.append(String.format(
                            "%-32s %-20s %10d",
                            node.name() + " (" + node.layer().typeName() + ")",
                            spec.outputShape(n),
                            spec.parameterCount(n)))
                    .append(graph ? "  " + String.join(", ", node.inputs()) : "")
                    .append(System.lineSeparator());
        }
        table.append(String.format("Total params: %d%n", parameterCount()));
        table.append(String.format("Trainable params: %d%n", trainableParameterCount()));
        table.append(String.format("Non-trainable params: %d%n", parameterCount() - trainableParameterCount()));
        return table.toString();
    }

    /** Saves every parameter, trainable or not, in the Lamina weights format ({@link ModelWeights}). */
    default void saveWeights(Path file) throws IOException {
        ModelWeights.save(this, file);
    }

    /**
     * Loads every parameter from a Lamina weights file; a file for another model is refused and this
     * model left unchanged ({@link ModelWeights#load}).
     */
    default void loadWeights(Path file) throws IOException {
        ModelWeights.load(this, file);
    }

    /** The parameter {@code layer/name}, e.g. {@code conv1d/kernel}. */
    default Parameter parameter(String key) {
        for (Parameter p : parameters()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("model " + name() + " has no parameter " + key + "; it has "
                + parameters().stream().map(Parameter::key).toList());
    }

    /**
     * Runs inference (dropout off) on {@code batch} examples, one array per input in declaration
     * order, and writes the outputs into {@code y}.
     */
    void forward(float[][] inputs, int batch, float[] y);

    /** {@link #forward(float[][], int, float[])} for a model with one input. */
    void forward(float[] x, int batch, float[] y);

    /** Runs inference and returns a new array of {@code batch * outputShape().size()} outputs. */
    float[] predict(float[][] inputs, int batch);

    /** {@link #predict(float[][], int)} for a model with one input. */
    default float[] predict(float[] x, int batch) {
        return predict(new float[][] {x}, batch);
    }

    /**
     * Runs inference on inputs given by name (every input of the model, and no other name); returns
     * a new array of outputs.
     */
    default float[] predict(Map<String, float[]> inputs, int batch) {
        return predict(byDeclarationOrder(inputs), batch);
    }

    /** The arrays of {@code inputs} (keyed by input name) in declaration order; refuses unknown or missing names. */
    default float[][] byDeclarationOrder(Map<String, float[]> inputs) {
        List<InputSpec> declared = inputs();
        float[][] arrays = new float[declared.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = inputs.get(declared.get(i).name());
            if (arrays[i] == null) {
                throw new IllegalArgumentException(
                        "no array for input '" + declared.get(i).name() + "' of model " + name() + "; its inputs are "
                                + declared.stream().map(InputSpec::name).toList());
            }
        }
        for (String given : inputs.keySet()) {
            if (declared.stream().noneMatch(in -> in.name().equals(given))) {
                throw new IllegalArgumentException("model " + name() + " has no input '" + given + "'; its inputs are "
                        + declared.stream().map(InputSpec::name).toList());
            }
        }
        return arrays;
    }

    /**
     * Runs inference on examples given one per row, each flat in row-major order (for a rank-1 input,
     * its features). Returns one flat output row per example.
     */
    default float[][] predict(float[][] examples) {
        if (examples.length == 0) {
            return new float[0][];
        }
        Shape shape = inputShape();
        int size = shape.isFullyKnown() ? shape.size() : examples[0].length;
        float[] x = new float[examples.length * size];
        for (int e = 0; e < examples.length; e++) {
            if (examples[e].length != size) {
                throw new IllegalArgumentException("example " + e + " has " + examples[e].length
                        + " values; the model takes examples of shape " + shape + " (" + size + " values)");
            }
            System.arraycopy(examples[e], 0, x, e * size, size);
        }
        return rows(predict(x, examples.length), examples.length);
    }

    /**
     * Runs inference on examples of shape (steps, channels), given as {@code [example][step][channel]}.
     * For an input of unknown length, every example must have the same number of steps. Returns one
     * flat output row per example.
     */
    default float[][] predict(float[][][] examples) {
        Shape shape = inputShape();
        if (shape.rank() != 2) {
            throw new IllegalArgumentException(
                    "the model takes examples of shape " + shape + ", not (steps, channels) sequences");
        }
        if (examples.length == 0) {
            return new float[0][];
        }
        int steps = shape.dim(0) == Shape.UNKNOWN ? examples[0].length : shape.dim(0);
        int channels = shape.dim(1);
        float[] x = new float[examples.length * steps * channels];
        for (int e = 0; e < examples.length; e++) {
            if (examples[e].length != steps) {
                throw new IllegalArgumentException("example " + e + " has " + examples[e].length + " steps; expected "
                        + steps + " (input shape " + shape + ")");
            }
            for (int t = 0; t < steps; t++) {
                if (examples[e][t].length != channels) {
                    throw new IllegalArgumentException("example " + e + " has " + examples[e][t].length
                            + " channels at step " + t + "; the model takes " + channels + " (input shape " + shape
                            + ")");
                }
                System.arraycopy(examples[e][t], 0, x, (e * steps + t) * channels, channels);
            }
        }
        return rows(predict(x, examples.length), examples.length);
    }

    private static float[][] rows(float[] flat, int count) {
        int size = flat.length / count;
        float[][] rows = new float[count][];
        for (int e = 0; e < count; e++) {
            rows[e] = java.util.Arrays.copyOfRange(flat, e * size, (e + 1) * size);
        }
        return rows;
    }

    /**
     * Forward pass in training mode, the loss against {@code target}, and the backward pass: fills
     * every {@link Parameter#gradient()} and {@link #inputGradient(int)}. Returns the loss. In
     * training mode, batch normalization normalizes with the batch's statistics and updates its
     * moving statistics (as a Keras training step does); dropout drops if enabled.
     */
    float computeGradients(float[][] inputs, float[] target, int batch);

    /** {@link #computeGradients(float[][], float[], int)} for a model with one input. */
    float computeGradients(float[] x, float[] target, int batch);

    /**
     * The outputs of the last {@link #computeGradients} call (training mode), as a new array; used
     * for training metrics such as accuracy.
     */
    float[] trainingOutput();

    /**
     * d(loss)/d(input) of the last {@link #computeGradients} call ({@code batch * inputShape().size()}
     * values) of a model with one input; throws for a model whose input is integer ids.
     */
    float[] inputGradient();

    /**
     * d(loss)/d(input {@code input}) of the last {@link #computeGradients} call, as a new array;
     * throws for an input of integer ids.
     */
    float[] inputGradient(int input);

    /**
     * One optimizer step on a batch: {@link #computeGradients}, then the update of the trainable
     * parameters. Returns the loss.
     */
    default float trainStep(float[][] inputs, float[] target, int batch) {
        float loss = computeGradients(inputs, target, batch);
        optimizer().step(trainableParameters());
        return loss;
    }

    /** {@link #trainStep(float[][], float[], int)} for a model with one input. */
    default float trainStep(float[] x, float[] target, int batch) {
        float loss = computeGradients(x, target, batch);
        optimizer().step(trainableParameters());
        return loss;
    }

    Loss loss();

    void setLoss(Loss loss);

    Optimizer optimizer();

    void setOptimizer(Optimizer optimizer);

    /**
     * Runs {@link #forward}, {@link #predict} and {@link #computeGradients} (so also {@link
     * #trainStep}) on up to {@code threads} threads: the calling thread and {@code threads - 1}
     * daemon workers owned by this model. A large batch of a large enough model is split into shards
     * by a rule on the batch size and the model's work per example ({@link BatchShards}), never on
     * the number of threads, and the shards' results are combined in a fixed order, so every result
     * is the same for every number of threads. Default 1.
     *
     * @throws IllegalArgumentException when {@code threads} is less than 1 or more than {@link
     *     #maxThreads()}
     */
    void setThreads(int threads);

    /**
     * The most threads {@link #setThreads} accepts: 4 per processor available to this JVM. More
     * would only add contention (and thousands would exhaust memory before doing any work).
     */
    static int maxThreads() {
        return THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
    }

    /** How many threads per available processor {@link #setThreads} accepts at most. */
    int THREADS_PER_PROCESSOR = 4;

    /** The number of threads set by {@link #setThreads} (1 by default). */
    int threads();

    /** Whether dropout is applied by {@link #computeGradients} (on by default). */
    void setDropoutInTraining(boolean enabled);

    /** Seeds the random stream used by dropout in training. */
    void setDropoutSeed(long seed);
}
