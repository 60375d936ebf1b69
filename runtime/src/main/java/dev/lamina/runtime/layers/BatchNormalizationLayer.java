package dev.lamina.runtime.layers;

import dev.lamina.runtime.BatchStatistics;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code batch_normalization} over the last axis of {@code C} channels: {@code gamma} and {@code
 * beta} (trainable, when {@code scale} and {@code center}), {@code moving_mean} and {@code
 * moving_variance} (non-trainable). {@link #forward} is inference (the moving statistics). The
 * interpreter runs a training pass in the phases of {@link BatchStatistics}, split around this
 * layer: {@link #accumulate}, {@link #normalize}, {@link #accumulateGradients} and {@link
 * #inputGradient}; {@link #backward} alone cannot back-propagate through batch statistics.
 */
public final class BatchNormalizationLayer extends UnaryLayer {
    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter movingMean;
    private final Parameter movingVariance;
    private final BatchStatistics statistics;
    private float[] normalized = new float[0];

    public BatchNormalizationLayer(LayerSpec.BatchNormalization spec, Shape input) {
        super(spec);
        this.channels = input.last();
        Shape vector = Shape.of(channels);
        this.gamma = spec.scale() ? new Parameter(spec.name(), "gamma", vector, Initializer.ONES) : null;
        this.beta = spec.center() ? new Parameter(spec.name(), "beta", vector, Initializer.ZEROS) : null;
        this.movingMean = new Parameter(spec.name(), "moving_mean", vector, Initializer.ZEROS, false);
        this.movingVariance = new Parameter(spec.name(), "moving_variance", vector, Initializer.ONES, false);
        this.statistics = new BatchStatistics(
                channels, spec.momentum(), spec.epsilon(), movingMean.value(), movingVariance.value());
    }

    /** Keras's order: gamma, beta, moving_mean, moving_variance. */
    @Override
    public List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        if (gamma != null) {
            parameters.add(gamma);
        }
        if (beta != null) {
            parameters.add(beta);
        }
        parameters.add(movingMean);
        parameters.add(movingVariance);
        return List.copyOf(parameters);
    }

    /** The state of this layer's training passes. */
    public BatchStatistics statistics() {
        return statistics;
    }

    @Override
    protected void resize() {
        normalized = new float[outputCount()];
    }

    private int rows() {
        return outputCount() / channels;
    }

    /** Inference: normalizes with the moving statistics. */
    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        statistics.normalizeInference(x, y, rows(), values(gamma), values(beta));
    }

    /** Always throws: a training pass back-propagates in two phases around the batch's gradient sums. */
    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        throw new IllegalStateException(name() + " back-propagates through batch statistics in two phases:"
                + " accumulateGradients, then inputGradient");
    }

    /** Training, phase 1: sums the rows of this pass's input. */
    public void accumulate(float[] x) {
        statistics.accumulate(x, rows());
    }

    /** Training, phase 2: normalizes with the combined batch statistics. */
    public void normalize(float[] x, float[] y) {
        statistics.normalize(x, normalized, y, rows(), values(gamma), values(beta));
    }

    /** Backward, phase 1: sums the output gradient and adds the gamma and beta gradients. */
    public void accumulateGradients(float[] dy) {
        statistics.accumulateGradients(
                dy, normalized, rows(), gamma == null ? null : gamma.gradient(), beta == null ? null : beta.gradient());
    }

    /** Backward, phase 2: d(loss)/dx from the combined gradient sums; nothing when {@code dx} is null. */
    public void inputGradient(float[] dy, float[] dx) {
        if (dx != null) {
            statistics.inputGradient(dy, normalized, dx, rows(), values(gamma));
        }
    }

    private static float[] values(Parameter p) {
        return p == null ? null : p.value();
    }
}
