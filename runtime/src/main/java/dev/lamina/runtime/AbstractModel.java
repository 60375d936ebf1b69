package dev.lamina.runtime;

import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.optim.Optimizer;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * What every model shares: its spec and parameters, the loss and optimizer (from the spec's
 * training section, else mse and Adam's defaults), input checks, dropout settings, the
 * forward-loss-backward sequence of {@link #computeGradients}, and batch parallelism. Engines
 * supply the passes and a {@link #replica}.
 *
 * <p>Batch parallelism ({@link #setThreads}): a batch that {@link BatchShards} splits into several
 * shards runs each shard's passes on its own replica of this model, on this thread and the model's
 * worker threads. In training, the shards' forward passes fill the batch's outputs; the loss and
 * d(loss)/d(output) are then computed over the whole batch by the calling thread, exactly as
 * without shards, so each shard back-propagates its own block of that gradient, which is already
 * the batch mean's; the parameter gradients are the shards' gradients summed in shard order {@code
 * 0..S-1} (so they equal the single-pass ones up to the order of the float additions), and the
 * input gradient and training outputs are the shards' blocks in order. Dropout masks of shard
 * {@code s} come from a stream seeded with the {@code s}-th long drawn from this model's dropout
 * stream (an allocation of one small stream per shard and call, only while dropout is on). The
 * split depends on the batch and the model alone, so every result is the same for every number of
 * threads; a batch of one shard runs the single pass unchanged.
 *
 * <p>Batch normalization in training needs the statistics of the whole batch, so a model with
 * {@code K} such layers runs its training passes in {@code K + 1} segments split at them ({@link
 * #forwardTrainingSegment}, {@link #backwardSegment}; {@link BatchStatistics} describes the
 * phases): between two segments, the layer's partial sums from every shard are combined in shard
 * order by the calling thread, which also updates the moving statistics once, and the result goes
 * back to every shard. A single pass runs the same segments with itself as the only part.
 */
public abstract class AbstractModel implements Model {
    private final ModelSpec spec;
    private final List<Parameter> parameters;
    private final List<Parameter> trainableParameters;
    private final int batchNormalizations;
    private Loss loss;
    private Optimizer optimizer;
    private boolean dropoutInTraining = true;
    private SplittableRandom dropoutRandom = new SplittableRandom(0);
    private float[] outputGradient = new float[0];
    private float[] trainingOutput = new float[0];
    private int trainingOutputCount;
    private final boolean hasDropout;
    private final BatchSharding sharding = new BatchSharding(this);
    private boolean lastGradientsSharded;
    private final int[] inputGradientCounts;
    private final List<Shape> declaredInputShapes;
    private final boolean inputsFullyKnown;
    /** Wraps the array of a single-input call: no allocation per call. */
    private final float[][] single = new float[1][];

    protected AbstractModel(ModelSpec spec, List<Parameter> parameters) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.parameters = List.copyOf(parameters);
        this.trainableParameters =
                this.parameters.stream().filter(Parameter::trainable).toList();
        this.hasDropout = spec.layers().stream()
                .anyMatch(l -> l instanceof LayerSpec.Dropout || l instanceof LayerSpec.SpatialDropout1D);
        this.batchNormalizations = batchNormalizationNodes(spec).length;
        this.declaredInputShapes = spec.inputs().stream().map(InputSpec::shape).toList();
        this.inputsFullyKnown = declaredInputShapes.stream().allMatch(Shape::isFullyKnown);
        this.inputGradientCounts = new int[spec.inputs().size()];
        TrainingSpec training = spec.training()
                .orElse(new TrainingSpec(
                        LossKind.MSE,
                        new OptimizerSpec.Adam(
                                OptimizerSpec.Adam.DEFAULT_LEARNING_RATE,
                                OptimizerSpec.Adam.DEFAULT_BETA_1,
                                OptimizerSpec.Adam.DEFAULT_BETA_2,
                                OptimizerSpec.Adam.DEFAULT_EPSILON)));
        this.loss = Loss.of(training.loss(), training.huberDelta());
        this.optimizer = Optimizer.of(training.optimizer());
    }

    /**
     * A replica of {@code master} for running one shard of a batch: each parameter shares the
     * master's values ({@link Parameter#sharingValue}) and has its own gradient.
     */
    protected AbstractModel(AbstractModel master) {
        this(
                master.spec,
                master.parameters.stream().map(Parameter::sharingValue).toList());
    }

    @Override
    public final ModelSpec spec() {
        return spec;
    }

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public final List<Parameter> trainableParameters() {
        return trainableParameters;
    }

    /** The nodes of {@code spec} whose layer is a batch normalization, in node order. */
    public static int[] batchNormalizationNodes(ModelSpec spec) {
        List<LayerSpec> layers = spec.layers();
        return java.util.stream.IntStream.range(0, layers.size())
                .filter(n -> layers.get(n) instanceof LayerSpec.BatchNormalization)
                .toArray();
    }

    @Override
    public final void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads > Model.maxThreads()) {
            throw new IllegalArgumentException("threads must be at most " + Model.maxThreads() + " ("
                    + THREADS_PER_PROCESSOR + " per processor, "
                    + Runtime.getRuntime().availableProcessors()
                    + " processors here), got " + threads);
        }
        sharding.setThreads(threads);
    }

    @Override
    public final int threads() {
        return sharding.threads();
    }

    /**
     * The number of shards a batch of {@code x} (a single-input model's) is split into ({@link
     * BatchShards}); 1 means the single-pass path.
     */
    public final int shards(float[] x, int batch) {
        return shards(new float[][] {x}, batch);
    }

    /** The number of shards a batch of {@code inputs} is split into; 1 means the single-pass path. */
    public final int shards(float[][] inputs, int batch) {
        return shards(inputShapesFor(inputs, batch), batch);
    }

    private int shards(List<Shape> inputs, int batch) {
        return sharding.shards(inputs, batch);
    }

    private ShardedPasses shardedPasses(int batch, List<Shape> inputs, int shards, int count) {
        return sharding.passes(batch, inputs, shards, count / batch);
    }

    /** Runs {@code task} for shards {@code 0..shards-1} on this thread and the workers. */
    final void runShards(int shards, IntConsumer task) {
        sharding.run(shards, task);
    }

    /** Sets a replica's dropout for its next training pass: drawn from {@code random}, or off when null. */
    final void setShardDropout(SplittableRandom random) {
        dropoutInTraining = random != null;
        if (random != null) {
            dropoutRandom = random;
        }
    }

    @Override
    public final void forward(float[] x, int batch, float[] y) {
        single[0] = x;
        try {
            forward(single, batch, y);
        } finally {
            single[0] = null;
        }
    }

    @Override
    public final void forward(float[][] x, int batch, float[] y) {
        List<Shape> input = inputShapesFor(x, batch);
        int count = batch * outputSize(input);
        if (y.length < count) {
            throw new IllegalArgumentException("output array holds " + y.length + " values; a batch of " + batch
                    + " examples of shape " + outputShape() + " needs " + count);
        }
        int shards = shards(input, batch);
        if (shards == 1) {
            forwardInference(x, batch, y);
        } else {
            try {
                shardedPasses(batch, input, shards, count).forward(x, y);
            } catch (RuntimeException e) {
                forwardInference(x, batch, y); // the same failure, at its position in the batch
                throw e;
            }
        }
    }

    @Override
    public final float computeGradients(float[] x, float[] target, int batch) {
        single[0] = x;
        try {
            return computeGradients(single, target, batch);
        } finally {
            single[0] = null;
        }
    }

    @Override
    public final float computeGradients(float[][] x, float[] target, int batch) {
        List<Shape> input = inputShapesFor(x, batch);
        int count = batch * outputSize(input);
        int lastAxis = outputShape().last();
        int targets = loss.targetCount(count, lastAxis);
        if (target.length < targets) {
            throw new IllegalArgumentException(
                    "target holds " + target.length + " values; " + loss.kind().kerasName() + " on " + batch
                            + " outputs of shape " + outputShape() + " needs " + targets);
        }
        if (outputGradient.length < count) {
            outputGradient = new float[count];
        }
        if (trainingOutput.length < count) {
            trainingOutput = new float[count];
        }
        int shards = shards(input, batch);
        float value;
        if (shards == 1) {
            float[] output = forwardTraining(x, batch);
            for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator per step
                Arrays.fill(parameters.get(k).gradient(), 0f);
            }
            value = loss.compute(output, target, count, lastAxis, outputGradient);
            System.arraycopy(output, 0, trainingOutput, 0, count);
            trainingOutputCount = count;
            backward(x, outputGradient, batch);
        } else {
            ShardedPasses passes = shardedPasses(batch, input, shards, count);
            // A shard reports an invalid input (such as a token id out of range) at its position in the
            // shard: the single pass is run again on failure to report it at its position in the batch.
            try {
                passes.forwardTraining(x, trainingOutput, dropoutInTraining && hasDropout ? dropoutRandom : null);
            } catch (RuntimeException e) {
                forwardTraining(x, batch); // the same failure, at its position in the batch
                throw e;
            }
            trainingOutputCount = count;
            value = loss.compute(trainingOutput, target, count, lastAxis, outputGradient);
            passes.backward(outputGradient);
        }
        lastGradientsSharded = shards > 1;
        for (int i = 0; i < inputGradientCounts.length; i++) {
            inputGradientCounts[i] = batch * input.get(i).size();
        }
        return value;
    }

    @Override
    public final float[] trainingOutput() {
        return Arrays.copyOf(trainingOutput, trainingOutputCount);
    }

    /** A copy of d(loss)/d(input) from the last {@link #computeGradients} call of a one-input model. */
    @Override
    public final float[] inputGradient() {
        onlyInput();
        return inputGradient(0);
    }

    /** A copy of d(loss)/d(input {@code input}) from the last {@link #computeGradients} call. */
    @Override
    public final float[] inputGradient(int input) {
        InputSpec declared = spec.inputs().get(input);
        if (declared.integerIds()) {
            throw new UnsupportedOperationException((spec.inputs().size() == 1
                            ? "model " + name()
                            : "input '" + declared.name() + "' of model " + name())
                    + " takes integer token ids: it has no " + (spec.inputs().size() == 1 ? "input " : "")
                    + "gradient");
        }
        if (inputGradientCounts[input] == 0) {
            throw new IllegalStateException("no input gradient yet: call computeGradients first");
        }
        return Arrays.copyOf(
                lastGradientsSharded ? sharding.lastPasses().inputGradient(input) : inputGradientBuffer(input),
                inputGradientCounts[input]);
    }

    @Override
    public final float[] predict(float[] x, int batch) {
        return predict(new float[][] {x}, batch);
    }

    @Override
    public final float[] predict(float[][] x, int batch) {
        float[] y = new float[batch * outputSize(inputShapesFor(x, batch))];
        forward(x, batch, y);
        return y;
    }

    /**
     * Runs inference (dropout off) on a checked batch, one array per input, writing its outputs
     * into {@code y} (large enough).
     */
    protected abstract void forwardInference(float[][] x, int batch, float[] y);

    /**
     * Runs the forward pass in training mode (dropout as configured), keeping what {@link #backward}
     * needs, and returns a buffer whose first {@link #outputCount} values are the outputs.
     */
    protected abstract float[] forwardTraining(float[][] x, int batch);

    /**
     * Back-propagates d(loss)/d(output) through the last {@link #forwardTraining} pass, adding into
     * the (zeroed) parameter gradients and writing the input gradients.
     */
    protected abstract void backward(float[][] x, float[] outputGradient, int batch);

    /**
     * The array the last {@link #backward} wrote d(loss)/d(input {@code input}) into (its first
     * {@code batch * input size} values); only called for an input that is not integer ids.
     */
    protected abstract float[] inputGradientBuffer(int input);

    /**
     * A new model of the same engine and spec that runs one shard of a batch: its passes read this
     * model's parameter values (shared, or copied in before each pass when its parameters hold
     * their own arrays) and write their own gradients and working buffers. Called once per shard
     * index, on the first batch that needs it.
     */
    protected abstract AbstractModel replica();

    /**
     * The statistics of the model's batch-normalization layers, one per layer in node order
     * ({@link #batchNormalizationNodes}); engines of models with such layers override it and return
     * the same objects every time.
     */
    protected List<BatchStatistics> batchStatistics() {
        return List.of();
    }

    /**
     * Segment {@code segment} ({@code 0..K}) of the training forward pass of a model with {@code K}
     * batch normalizations at nodes {@code p_0 < ... < p_{K-1}}: for {@code segment > 0}, node
     * {@code p_(segment-1)} normalizes with its combined statistics; then the nodes strictly between
     * it and {@code p_segment} (or the end) run; for {@code segment < K}, node {@code p_segment}
     * {@link BatchStatistics#accumulate accumulates} its input. Segment 0 sizes the buffers; the
     * last returns the output buffer (like {@link #forwardTraining}), the others may return null.
     * Only called for a model with batch normalization.
     */
    protected float[] forwardTrainingSegment(float[][] x, int batch, int segment) {
        throw new UnsupportedOperationException("model " + name() + " has no batch normalization");
    }

    /**
     * Segment {@code segment} of the backward pass, run from {@code K} down to 0: the reverse of
     * forward segment {@code segment}. For {@code segment < K}, node {@code p_segment} writes its
     * input gradient from the combined gradient sums; then the nodes in between back-propagate;
     * for {@code segment > 0}, node {@code p_(segment-1)} {@link
     * BatchStatistics#accumulateGradients accumulates} its gradient sums. Segment {@code K} starts
     * from {@code outputGradient}; segment 0 writes the input gradients.
     */
    protected void backwardSegment(float[][] x, float[] outputGradient, int batch, int segment) {
        throw new UnsupportedOperationException("model " + name() + " has no batch normalization");
    }

    /** The number of batch normalizations, {@code K}: training passes run in {@code K + 1} segments. */
    final int batchNormalizations() {
        return batchNormalizations;
    }

    /**
     * The training forward pass of a single pass over the batch by segments: after each segment,
     * the next batch normalization combines its own sums and updates its moving statistics. Engines
     * of models with batch normalization call it from {@link #forwardTraining}.
     */
    protected final float[] forwardTrainingBySegments(float[][] x, int batch) {
        List<BatchStatistics> statistics = batchStatistics();
        float[] output = null;
        for (int k = 0; k <= batchNormalizations; k++) {
            output = forwardTrainingSegment(x, batch, k);
            if (k < batchNormalizations) {
                BatchStatistics s = statistics.get(k);
                s.combineOwn();
                s.updateMovingStatistics();
            }
        }
        return output;
    }

    /** The backward pass of a single pass by segments; engines call it from {@link #backward}. */
    protected final void backwardBySegments(float[][] x, float[] outputGradient, int batch) {
        List<BatchStatistics> statistics = batchStatistics();
        for (int k = batchNormalizations; k >= 0; k--) {
            backwardSegment(x, outputGradient, batch, k);
            if (k > 0) {
                statistics.get(k - 1).combineOwnGradients();
            }
        }
    }

    /** Number of output values for this input batch. */
    protected int outputCount(float[][] x, int batch) {
        return batch * outputSize(inputShapesFor(x, batch));
    }

    /** Output values per example for concrete per-example input shapes. */
    private int outputSize(List<Shape> inputs) {
        Shape output = outputShape();
        return output.isFullyKnown() ? output.size() : outputShapeFor(inputs).size();
    }

    /**
     * The concrete per-example shape of every input of a batch: the declared shapes when they are
     * fully known (then each array must hold at least {@code batch} examples), else with each
     * input's one unknown length derived from its array's length, which must then be an exact
     * multiple of the known part.
     */
    public final List<Shape> inputShapesFor(float[][] x, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        }
        List<InputSpec> inputs = spec.inputs();
        if (x.length != inputs.size()) {
            throw new IllegalArgumentException("model " + name() + " has " + inputs.size() + " inputs "
                    + inputs.stream().map(InputSpec::name).toList() + ", got " + x.length + " arrays");
        }
        if (inputsFullyKnown) {
            for (int i = 0; i < x.length; i++) {
                concreteShape(inputs.get(i), x[i], batch);
            }
            return declaredInputShapes;
        }
        List<Shape> shapes = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            shapes.add(concreteShape(inputs.get(i), x[i], batch));
        }
        return shapes;
    }

    private Shape concreteShape(InputSpec input, float[] x, int batch) {
        Shape shape = input.shape();
        if (x == null) {
            throw new IllegalArgumentException("no array for " + describe(input));
        }
        if (shape.isFullyKnown()) {
            long needed = (long) batch * shape.size();
            if (x.length < needed) {
                throw new IllegalArgumentException(describe(input) + " holds " + x.length + " values; a batch of "
                        + batch + " examples of shape " + shape + " needs " + needed);
            }
            return shape;
        }
        String what = describe(input);
        long known = batch;
        int unknownAxis = -1;
        for (int axis = 0; axis < shape.rank(); axis++) {
            if (shape.dim(axis) == Shape.UNKNOWN) {
                if (unknownAxis >= 0) {
                    throw new IllegalArgumentException(
                            what + " shape " + shape + " has more than one dimension of unknown length");
                }
                unknownAxis = axis;
            } else {
                known *= shape.dim(axis);
            }
        }
        if (x.length == 0 || x.length % known != 0) {
            throw new IllegalArgumentException(what + " holds " + x.length + " values, which is not a batch of " + batch
                    + " examples of shape " + shape + " (a multiple of " + known + " values)");
        }
        return shape.withDim(unknownAxis, (int) (x.length / known));
    }

    /** How messages name an input: "input", or "input 'side'" for a model with several. */
    private String describe(InputSpec input) {
        return spec.inputs().size() == 1 ? "input" : "input '" + input.name() + "'";
    }

    /** The per-example output shape for concrete per-example input shapes. */
    public final Shape outputShapeFor(List<Shape> inputs) {
        if (inputs.equals(declaredInputShapes)) {
            return spec.outputShape();
        }
        return spec.tensorShapesFor(inputs).get(spec.tensor(spec.output()));
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public void setLoss(Loss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public void setOptimizer(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    @Override
    public void setDropoutInTraining(boolean enabled) {
        this.dropoutInTraining = enabled;
    }

    /** Whether dropout layers drop in {@link #forwardTraining}. */
    protected final boolean dropoutInTraining() {
        return dropoutInTraining;
    }

    @Override
    public void setDropoutSeed(long seed) {
        this.dropoutRandom = new SplittableRandom(seed);
    }

    /** The stream dropout masks are drawn from. */
    protected final SplittableRandom dropoutRandom() {
        return dropoutRandom;
    }
}
