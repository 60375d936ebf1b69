package dev.lamina.runtime;

import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The passes of a model over a batch split into {@link BatchShards}: shard {@code s} always runs on
 * replica {@code s} (its own gradients and working buffers, the model's parameter values), in
 * whatever thread claims it, so which thread runs a shard changes nothing. Each shard copies its
 * block of the input into its own buffer and its outputs and input gradient back into the batch's
 * arrays; the calling thread alone computes the loss over the whole batch and sums the shards'
 * parameter gradients in shard order. Buffers are created for a batch size and input shape and
 * reused while these stay the same.
 *
 * <p>With batch normalization, the training passes run segment by segment ({@link
 * AbstractModel#forwardTrainingSegment}): every shard runs a segment, then the calling thread
 * combines the next normalization's partial sums of shards {@code 0..S-1} into the model's own
 * {@link BatchStatistics}, updates the moving statistics once and copies the batch's statistics to
 * every shard; the backward pass does the same with the gradient sums, from the last segment down.
 */
final class ShardedPasses {
    private final AbstractModel model;
    private final List<AbstractModel> replicas = new ArrayList<>();
    /** Whether each input has a gradient (false for token ids). */
    private final boolean[] inputGradients;

    private int batch;
    private List<Shape> inputs;
    private int shards;
    /** Values per example of each input. */
    private int[] inSizes = new int[0];

    private int outSize;
    /** shardInputs[s][i]: shard s's block of input i. */
    private float[][][] shardInputs = new float[0][][];

    private float[][] shardOutputs = new float[0][];
    private float[][] shardOutputGradients = new float[0][];

    /** The arrays of the pass in progress. */
    private float[][] x;

    private float[] y;
    private float[] outputGradient;
    private float[][] inputGradient = new float[0][];

    /** The segment the training passes are running (with batch normalization). */
    private int segment;
    /** parts[k][s]: replica s's statistics of batch normalization k. */
    private BatchStatistics[][] parts = new BatchStatistics[0][];

    private final IntConsumer inference = this::inference;
    private final IntConsumer trainingForward = this::trainingForward;
    private final IntConsumer trainingBackward = this::trainingBackward;
    private final IntConsumer trainingForwardSegment = this::trainingForwardSegment;
    private final IntConsumer trainingBackwardSegment = this::trainingBackwardSegment;
    private final IntConsumer gradientSums = this::sumGradients;

    ShardedPasses(AbstractModel model) {
        this.model = model;
        List<InputSpec> declared = model.spec().inputs();
        this.inputGradients = new boolean[declared.size()];
        for (int i = 0; i < declared.size(); i++) {
            inputGradients[i] = !declared.get(i).integerIds();
        }
    }

    /**
     * Sizes the shard buffers for {@code shards} shards of {@code batch} examples whose inputs have
     * the per-example shapes {@code inputs}.
     */
    void prepare(int batch, List<Shape> inputs, int shards, int outSize) {
        if (batch == this.batch && shards == this.shards && inputs.equals(this.inputs) && outSize == this.outSize) {
            return;
        }
        while (replicas.size() < shards) {
            replicas.add(model.replica());
        }
        this.batch = batch;
        this.inputs = inputs;
        this.shards = shards;
        this.inSizes = inputs.stream().mapToInt(Shape::size).toArray();
        this.outSize = outSize;
        shardInputs = new float[shards][inSizes.length][];
        shardOutputs = new float[shards][];
        shardOutputGradients = new float[shards][];
        for (int s = 0; s < shards; s++) {
            int examples = end(s) - start(s);
            for (int i = 0; i < inSizes.length; i++) {
                shardInputs[s][i] = new float[examples * inSizes[i]];
            }
            shardOutputs[s] = new float[examples * outSize];
            shardOutputGradients[s] = new float[examples * outSize];
        }
        inputGradient = new float[inSizes.length][];
        for (int i = 0; i < inSizes.length; i++) {
            inputGradient[i] = inputGradients[i] ? new float[batch * inSizes[i]] : new float[0];
        }
        parts = new BatchStatistics[model.batchNormalizations()][shards];
        for (int s = 0; s < shards; s++) {
            List<BatchStatistics> statistics = replicas.get(s).batchStatistics();
            for (int k = 0; k < parts.length; k++) {
                parts[k][s] = statistics.get(k);
            }
        }
    }

    int shards() {
        return shards;
    }

    /** The gradient of input {@code input} of the last {@link #backward}: the shards' blocks, in order. */
    float[] inputGradient(int input) {
        return inputGradient[input];
    }

    /** Inference on every shard, each writing its block of {@code y}. */
    void forward(float[][] x, float[] y) {
        this.x = x;
        this.y = y;
        try {
            model.runShards(shards, inference);
        } finally {
            this.x = null;
            this.y = null;
        }
    }

    /**
     * The training forward pass on every shard, each writing its block of {@code output}; dropout
     * masks of shard {@code s} come from a stream seeded with the {@code s}-th long drawn from
     * {@code dropout} (null when dropout is off).
     */
    void forwardTraining(float[][] x, float[] output, SplittableRandom dropout) {
        for (int s = 0; s < shards; s++) {
            replicas.get(s).setShardDropout(dropout == null ? null : new SplittableRandom(dropout.nextLong()));
        }
        this.x = x;
        this.y = output;
        try {
            if (parts.length == 0) {
                model.runShards(shards, trainingForward);
                return;
            }
            List<BatchStatistics> combined = model.batchStatistics();
            for (segment = 0; segment <= parts.length; segment++) {
                model.runShards(shards, trainingForwardSegment);
                if (segment < parts.length) {
                    BatchStatistics batchStatistics = combined.get(segment);
                    batchStatistics.combine(parts[segment], shards);
                    batchStatistics.updateMovingStatistics();
                    for (BatchStatistics part : parts[segment]) {
                        part.copyStatistics(batchStatistics);
                    }
                }
            }
        } finally {
            this.x = null;
            this.y = null;
        }
    }

    /**
     * The backward pass of the last {@link #forwardTraining} on every shard, from its block of
     * {@code outputGradient}; then the model's parameter gradients are the shards' sums, added in
     * shard order. The sums run on the workers too, one slice of every parameter per task: each
     * value is still the same shard-order sum, whichever thread adds it.
     */
    void backward(float[] outputGradient) {
        this.outputGradient = outputGradient;
        try {
            if (parts.length == 0) {
                model.runShards(shards, trainingBackward);
            } else {
                List<BatchStatistics> combined = model.batchStatistics();
                for (segment = parts.length; segment >= 0; segment--) {
                    model.runShards(shards, trainingBackwardSegment);
                    if (segment > 0) {
                        BatchStatistics batchStatistics = combined.get(segment - 1);
                        batchStatistics.combineGradients(parts[segment - 1], shards);
                        for (BatchStatistics part : parts[segment - 1]) {
                            part.copyGradientSums(batchStatistics);
                        }
                    }
                }
            }
        } finally {
            this.outputGradient = null;
        }
        model.runShards(shards, gradientSums);
    }

    /** Slice {@code r} of {@code shards} of every parameter gradient: shard 0's values plus each later shard's. */
    private void sumGradients(int r) {
        List<Parameter> parameters = model.parameters();
        for (int k = 0; k < parameters.size(); k++) {
            float[] sum = parameters.get(k).gradient();
            int from = (int) ((long) sum.length * r / shards);
            int to = (int) ((long) sum.length * (r + 1) / shards);
            System.arraycopy(replicas.get(0).parameters().get(k).gradient(), from, sum, from, to - from);
            for (int s = 1; s < shards; s++) {
                float[] g = replicas.get(s).parameters().get(k).gradient();
                for (int i = from; i < to; i++) {
                    sum[i] += g[i];
                }
            }
        }
    }

    private int start(int shard) {
        return BatchShards.start(batch, shards, shard);
    }

    private int end(int shard) {
        return BatchShards.start(batch, shards, shard + 1);
    }

    /** Copies shard {@code s}'s block of the input and the model's parameter values into its replica. */
    private AbstractModel load(int s) {
        AbstractModel replica = replicas.get(s);
        List<Parameter> own = model.parameters();
        List<Parameter> theirs = replica.parameters();
        for (int k = 0; k < own.size(); k++) {
            float[] value = own.get(k).value();
            float[] copy = theirs.get(k).value();
            if (copy != value) {
                System.arraycopy(value, 0, copy, 0, value.length);
            }
        }
        for (int i = 0; i < inSizes.length; i++) {
            float[] block = shardInputs[s][i];
            System.arraycopy(x[i], start(s) * inSizes[i], block, 0, block.length);
        }
        return replica;
    }

    private void inference(int s) {
        AbstractModel replica = load(s);
        float[] out = shardOutputs[s];
        replica.forwardInference(shardInputs[s], end(s) - start(s), out);
        System.arraycopy(out, 0, y, start(s) * outSize, out.length);
    }

    private void trainingForward(int s) {
        AbstractModel replica = load(s);
        float[] out = replica.forwardTraining(shardInputs[s], end(s) - start(s));
        System.arraycopy(out, 0, y, start(s) * outSize, shardOutputs[s].length);
    }

    /** Forward segment {@link #segment} of shard {@code s}; the first loads its block, the last copies its outputs. */
    private void trainingForwardSegment(int s) {
        AbstractModel replica = segment == 0 ? load(s) : replicas.get(s);
        float[] out = replica.forwardTrainingSegment(shardInputs[s], end(s) - start(s), segment);
        if (segment == parts.length) {
            System.arraycopy(out, 0, y, start(s) * outSize, shardOutputs[s].length);
        }
    }

    private void trainingBackward(int s) {
        startBackward(s);
        AbstractModel replica = replicas.get(s);
        replica.backward(shardInputs[s], shardOutputGradients[s], end(s) - start(s));
        copyInputGradients(s);
    }

    /** Backward segment {@link #segment} of shard {@code s}; the first takes its block of the output gradient. */
    private void trainingBackwardSegment(int s) {
        if (segment == parts.length) {
            startBackward(s);
        }
        AbstractModel replica = replicas.get(s);
        replica.backwardSegment(shardInputs[s], shardOutputGradients[s], end(s) - start(s), segment);
        if (segment == 0) {
            copyInputGradients(s);
        }
    }

    /** Copies shard {@code s}'s block of the output gradient into its buffer and zeroes its parameter gradients. */
    private void startBackward(int s) {
        float[] dy = shardOutputGradients[s];
        System.arraycopy(outputGradient, start(s) * outSize, dy, 0, dy.length);
        List<Parameter> parameters = replicas.get(s).parameters();
        for (int k = 0; k < parameters.size(); k++) {
            Arrays.fill(parameters.get(k).gradient(), 0f);
        }
    }

    /** Copies shard {@code s}'s input gradients into the batch's arrays. */
    private void copyInputGradients(int s) {
        AbstractModel replica = replicas.get(s);
        int examples = end(s) - start(s);
        for (int i = 0; i < inSizes.length; i++) {
            if (inputGradients[i]) {
                System.arraycopy(
                        replica.inputGradientBuffer(i),
                        0,
                        inputGradient[i],
                        start(s) * inSizes[i],
                        examples * inSizes[i]);
            }
        }
    }
}
