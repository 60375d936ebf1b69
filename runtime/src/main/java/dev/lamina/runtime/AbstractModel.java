package dev.lamina.runtime;

import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.optim.Optimizer;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What every model shares: its spec and parameters, the loss and optimizer (from the spec's
 * training section, else mse and Adam's defaults), input checks, dropout settings, and the
 * forward-loss-backward sequence of {@link #computeGradients}. Engines supply the passes.
 */
public abstract class AbstractModel implements Model {
    private final ModelSpec spec;
    private final List<Parameter> parameters;
    private Loss loss;
    private Optimizer optimizer;
    private boolean dropoutInTraining = true;
    private SplittableRandom dropoutRandom = new SplittableRandom(0);
    private float[] outputGradient = new float[0];
    private float[] trainingOutput = new float[0];
    private int trainingOutputCount;

    protected AbstractModel(ModelSpec spec, List<Parameter> parameters) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.parameters = List.copyOf(parameters);
        TrainingSpec training = spec.training()
                .orElse(new TrainingSpec(
                        LossKind.MSE,
                        new OptimizerSpec.Adam(
                                OptimizerSpec.Adam.DEFAULT_LEARNING_RATE,
                                OptimizerSpec.Adam.DEFAULT_BETA_1,
                                OptimizerSpec.Adam.DEFAULT_BETA_2,
                                OptimizerSpec.Adam.DEFAULT_EPSILON)));
        this.loss = Loss.of(training.loss());
        this.optimizer = Optimizer.of(training.optimizer());
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
    public final float computeGradients(float[] x, float[] target, int batch) {
        checkInput(x, batch);
        float[] output = forwardTraining(x, batch);
        int count = outputCount(x, batch);
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
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator per step
            java.util.Arrays.fill(parameters.get(k).gradient(), 0f);
        }
        float value = loss.compute(output, target, count, lastAxis, outputGradient);
        if (trainingOutput.length < count) {
            trainingOutput = new float[count];
        }
        System.arraycopy(output, 0, trainingOutput, 0, count);
        trainingOutputCount = count;
        backward(x, outputGradient, batch);
        return value;
    }

    @Override
    public final float[] trainingOutput() {
        return java.util.Arrays.copyOf(trainingOutput, trainingOutputCount);
    }

    @Override
    public float[] predict(float[] x, int batch) {
        checkInput(x, batch);
        float[] y = new float[outputCount(x, batch)];
        forward(x, batch, y);
        return y;
    }

    /**
     * Runs the forward pass in training mode (dropout as configured), keeping what {@link #backward}
     * needs, and returns a buffer whose first {@link #outputCount} values are the outputs.
     */
    protected abstract float[] forwardTraining(float[] x, int batch);

    /**
     * Back-propagates d(loss)/d(output) through the last {@link #forwardTraining} pass, adding into
     * the (zeroed) parameter gradients and writing the input gradient.
     */
    protected abstract void backward(float[] x, float[] outputGradient, int batch);

    /** Number of output values for this input batch. */
    protected int outputCount(float[] x, int batch) {
        Shape output = outputShape();
        if (!output.isFullyKnown()) {
            output = outputShapeFor(inputShapeFor(x, batch));
        }
        return batch * output.size();
    }

    /** Throws a message naming the expected and actual sizes when {@code x} cannot hold the batch. */
    protected void checkInput(float[] x, int batch) {
        inputShapeFor(x, batch);
    }

    /**
     * The concrete per-example input shape of a batch: {@link #inputShape()} when it is fully known
     * (then {@code x} must hold at least {@code batch} examples), else with the one unknown length
     * derived from {@code x.length}, which must then be an exact multiple of the known part.
     */
    public Shape inputShapeFor(float[] x, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        }
        Shape shape = inputShape();
        if (shape.isFullyKnown()) {
            long needed = (long) batch * shape.size();
            if (x.length < needed) {
                throw new IllegalArgumentException("input holds " + x.length + " values; a batch of " + batch
                        + " examples of shape " + shape + " needs " + needed);
            }
            return shape;
        }
        long known = batch;
        int unknownAxis = -1;
        for (int axis = 0; axis < shape.rank(); axis++) {
            if (shape.dim(axis) == Shape.UNKNOWN) {
                if (unknownAxis >= 0) {
                    throw new IllegalArgumentException(
                            "input shape " + shape + " has more than one dimension of unknown length");
                }
                unknownAxis = axis;
            } else {
                known *= shape.dim(axis);
            }
        }
        if (x.length == 0 || x.length % known != 0) {
            throw new IllegalArgumentException("input holds " + x.length + " values, which is not a batch of " + batch
                    + " examples of shape " + shape + " (a multiple of " + known + " values)");
        }
        return shape.withDim(unknownAxis, (int) (x.length / known));
    }

    /** The per-example output shape for a concrete per-example input shape. */
    public Shape outputShapeFor(Shape input) {
        Shape current = input;
        for (LayerSpec layer : spec.layers()) {
            current = layer.outputShape(current);
        }
        return current;
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
