package dev.lamina.runtime;

import java.util.Arrays;

/**
 * The passes of a model over a whole batch without shards, whatever the batch size (test code): the
 * reference for models whose shards depend on each other, such as batch normalization's statistics.
 */
public final class SinglePass {
    private SinglePass() {}

    /** What one {@link #computeGradients} gave besides the parameter gradients. */
    public record Result(float loss, float[] trainingOutput, float[] inputGradient) {}

    /** Inference on the whole batch in one pass. */
    public static float[] predict(Model model, float[] x, int batch) {
        float[] y = new float[batch * model.outputShape().size()];
        ((AbstractModel) model).forwardInference(new float[][] {x}, batch, y);
        return y;
    }

    /**
     * {@link Model#computeGradients} in one pass: the training forward pass, the loss and the
     * backward pass; leaves the gradients in the parameters.
     */
    public static Result computeGradients(Model model, float[] x, float[] target, int batch) {
        AbstractModel m = (AbstractModel) model;
        float[][] inputs = {x};
        int count = batch * model.outputShape().size();
        float[] output = Arrays.copyOf(m.forwardTraining(inputs, batch), count);
        for (Parameter p : model.parameters()) {
            Arrays.fill(p.gradient(), 0f);
        }
        float[] gradient = new float[count];
        float loss =
                model.loss().compute(output, target, count, model.outputShape().last(), gradient);
        m.backward(inputs, gradient, batch);
        float[] dx = Arrays.copyOf(
                m.inputGradientBuffer(0), batch * model.inputShape().size());
        return new Result(loss, output, dx);
    }
}
