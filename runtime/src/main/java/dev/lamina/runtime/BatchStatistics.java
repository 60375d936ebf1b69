package dev.lamina.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * The arithmetic of one batch-normalization layer over {@code channels} (the last axis), shared
 * by the interpreter and generated code so every engine computes the same values, and the state a
 * training pass keeps for it. Values are flat rows of {@code channels}: a batch of {@code rows =
 * batch * steps} rows is normalized per channel over all its rows.
 *
 * <p>A training pass runs in phases, because its statistics belong to the whole batch even when
 * {@link Model#setThreads} splits the batch into shards that each run on their own replica:
 *
 * <ol>
 *   <li>{@link #accumulate}: each part of the batch sums its own rows (a count, the sum, and the
 *       squared deviations from its own mean, in double);
 *   <li>{@link #combine}: the parts' sums, in part order, give the batch's mean and biased variance
 *       (Chan's pairwise formula, exact up to rounding, and the same for every number of threads);
 *       the model then updates the moving statistics once ({@link #updateMovingStatistics}) and
 *       hands the result to every part ({@link #copyStatistics});
 *   <li>{@link #normalize}: each part normalizes its rows, keeping {@code (x - mean) / sqrt(var +
 *       epsilon)} for the backward pass;
 *   <li>{@link #accumulateGradients}: each part sums {@code dy} and {@code dy * normalized} per
 *       channel (adding them into the beta and gamma gradients as well);
 *   <li>{@link #combineGradients} and {@link #copyGradientSums}: the batch's sums;
 *   <li>{@link #inputGradient}: each part back-propagates through the batch statistics.
 * </ol>
 *
 * A single pass is the same with one part. Inference uses the moving statistics ({@link
 * #normalizeInference}): a scale and a shift per channel ({@link #foldScale}, {@link #foldShift}),
 * which generated code applies in the store loop of the conv1d or dense before it.
 */
public final class BatchStatistics {
    private final int channels;
    private final float momentum;
    private final float epsilon;
    private final float[] movingMean;
    private final float[] movingVariance;

    /** Rows summed by the last {@link #accumulate}. */
    private long count;

    private final double[] sum;
    /** This part's own mean. */
    private final double[] partMean;
    /** Squared deviations from this part's own mean. */
    private final double[] squares;

    /** Rows of the whole batch. */
    private long total;

    private final float[] mean;
    private final float[] variance;
    private final float[] inverseDeviation;

    private final double[] gradientSum;
    private final double[] gradientDotNormalized;
    /** The batch's sums divided by its row count. */
    private final float[] gradientMean;

    private final float[] gradientDotNormalizedMean;
    /** This object as the only part of a pass over the whole batch. */
    private final BatchStatistics[] self = {this};
    /** Scratch of {@link #normalizeInference}: the folded scale and shift per channel. */
    private final float[] inferenceScale;

    private final float[] inferenceShift;

    /**
     * The statistics of a layer whose moving statistics live in {@code movingMean} and {@code
     * movingVariance} (the live values of its non-trainable parameters).
     */
    public BatchStatistics(int channels, double momentum, double epsilon, float[] movingMean, float[] movingVariance) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
        this.channels = channels;
        this.momentum = (float) momentum;
        this.epsilon = (float) epsilon;
        this.movingMean = Objects.requireNonNull(movingMean, "movingMean");
        this.movingVariance = Objects.requireNonNull(movingVariance, "movingVariance");
        if (movingMean.length != channels || movingVariance.length != channels) {
            throw new IllegalArgumentException("moving statistics of " + movingMean.length + " and "
                    + movingVariance.length + " values for " + channels + " channels");
        }
        this.sum = new double[channels];
        this.partMean = new double[channels];
        this.squares = new double[channels];
        this.mean = new float[channels];
        this.variance = new float[channels];
        this.inverseDeviation = new float[channels];
        this.gradientSum = new double[channels];
        this.gradientDotNormalized = new double[channels];
        this.gradientMean = new float[channels];
        this.gradientDotNormalizedMean = new float[channels];
        this.inferenceScale = new float[channels];
        this.inferenceShift = new float[channels];
    }

    public int channels() {
        return channels;
    }

    /** The batch mean of the last {@link #combine}. */
    public float[] mean() {
        return mean;
    }

    /** The batch's biased variance (divided by the row count) of the last {@link #combine}. */
    public float[] variance() {
        return variance;
    }

    /** Sums the first {@code rows} rows of {@code x}: this part's count, sum and squared deviations. */
    public void accumulate(float[] x, int rows) {
        count = rows;
        Arrays.fill(sum, 0);
        Arrays.fill(squares, 0);
        for (int r = 0; r < rows; r++) {
            int o = r * channels;
            for (int c = 0; c < channels; c++) {
                sum[c] += x[o + c];
            }
        }
        for (int c = 0; c < channels; c++) {
            partMean[c] = sum[c] / rows;
        }
        for (int r = 0; r < rows; r++) {
            int o = r * channels;
            for (int c = 0; c < channels; c++) {
                double d = x[o + c] - partMean[c];
                squares[c] += d * d;
            }
        }
    }

    /**
     * The batch's statistics from the sums of {@code parts[0..count)} (this object may be one of
     * them), combined in order: {@code mean = sum / N}, {@code var = sum over parts of (squares +
     * n * (partMean - mean)^2) / N}.
     */
    public void combine(BatchStatistics[] parts, int partCount) {
        long n = 0;
        for (int p = 0; p < partCount; p++) {
            n += parts[p].count;
        }
        for (int c = 0; c < channels; c++) {
            double s = 0;
            for (int p = 0; p < partCount; p++) {
                s += parts[p].sum[c];
            }
            double m = s / n;
            double m2 = 0;
            for (int p = 0; p < partCount; p++) {
                BatchStatistics part = parts[p];
                double d = part.partMean[c] - m;
                m2 += part.squares[c] + part.count * d * d;
            }
            mean[c] = (float) m;
            variance[c] = (float) (m2 / n);
            inverseDeviation[c] = inverseDeviation(variance[c], epsilon);
        }
        total = n;
    }

    /** {@link #combine} with this object the only part: the statistics of a pass over the whole batch. */
    public void combineOwn() {
        combine(self, 1);
    }

    /** Takes the batch's statistics from {@code combined} (another part's copy of the same layer). */
    public void copyStatistics(BatchStatistics combined) {
        total = combined.total;
        System.arraycopy(combined.mean, 0, mean, 0, channels);
        System.arraycopy(combined.variance, 0, variance, 0, channels);
        System.arraycopy(combined.inverseDeviation, 0, inverseDeviation, 0, channels);
    }

    /** Keras's update: {@code moving = moving * momentum + batch * (1 - momentum)}, mean and variance. */
    public void updateMovingStatistics() {
        float rest = 1 - momentum;
        for (int c = 0; c < channels; c++) {
            movingMean[c] = movingMean[c] * momentum + mean[c] * rest;
            movingVariance[c] = movingVariance[c] * momentum + variance[c] * rest;
        }
    }

    /**
     * Normalizes {@code rows} rows with the batch's statistics: {@code normalized = (x - mean) /
     * sqrt(var + epsilon)} (kept for the backward pass), {@code y = gamma * normalized + beta};
     * {@code gamma} and {@code beta} may be null (1 and 0).
     */
    public void normalize(float[] x, float[] normalized, float[] y, int rows, float[] gamma, float[] beta) {
        for (int r = 0; r < rows; r++) {
            int o = r * channels;
            for (int c = 0; c < channels; c++) {
                float h = (x[o + c] - mean[c]) * inverseDeviation[c];
                normalized[o + c] = h;
                y[o + c] = affine(h, gamma, beta, c);
            }
        }
    }

    private static float affine(float h, float[] gamma, float[] beta, int c) {
        float scaled = gamma == null ? h : h * gamma[c];
        return beta == null ? scaled : scaled + beta[c];
    }

    /**
     * Sums this part's {@code dy} and {@code dy * normalized} per channel over {@code rows} rows, and
     * adds them into the gradients of beta and gamma (each may be null).
     */
    public void accumulateGradients(
            float[] dy, float[] normalized, int rows, float[] gammaGradient, float[] betaGradient) {
        Arrays.fill(gradientSum, 0);
        Arrays.fill(gradientDotNormalized, 0);
        for (int r = 0; r < rows; r++) {
            int o = r * channels;
            for (int c = 0; c < channels; c++) {
                float g = dy[o + c];
                gradientSum[c] += g;
                gradientDotNormalized[c] += (double) g * normalized[o + c];
            }
        }
        for (int c = 0; c < channels; c++) {
            if (betaGradient != null) {
                betaGradient[c] += (float) gradientSum[c];
            }
            if (gammaGradient != null) {
                gammaGradient[c] += (float) gradientDotNormalized[c];
            }
        }
    }

    /** The batch's gradient sums from those of {@code parts[0..count)}, added in order. */
    public void combineGradients(BatchStatistics[] parts, int partCount) {
        for (int c = 0; c < channels; c++) {
            double s = 0;
            double sn = 0;
            for (int p = 0; p < partCount; p++) {
                s += parts[p].gradientSum[c];
                sn += parts[p].gradientDotNormalized[c];
            }
            gradientMean[c] = (float) (s / total);
            gradientDotNormalizedMean[c] = (float) (sn / total);
        }
    }

    /** {@link #combineGradients} with this object the only part. */
    public void combineOwnGradients() {
        combineGradients(self, 1);
    }

    /** Takes the batch's gradient sums from {@code combined}. */
    public void copyGradientSums(BatchStatistics combined) {
        System.arraycopy(combined.gradientMean, 0, gradientMean, 0, channels);
        System.arraycopy(combined.gradientDotNormalizedMean, 0, gradientDotNormalizedMean, 0, channels);
    }

    /**
     * d(loss)/dx through the batch statistics for {@code rows} rows: {@code gamma / sqrt(var + eps)
     * * (dy - mean(dy) - normalized * mean(dy * normalized))}, the means over the whole batch.
     */
    public void inputGradient(float[] dy, float[] normalized, float[] dx, int rows, float[] gamma) {
        for (int r = 0; r < rows; r++) {
            int o = r * channels;
            for (int c = 0; c < channels; c++) {
                float k = gamma == null ? inverseDeviation[c] : gamma[c] * inverseDeviation[c];
                dx[o + c] = k * (dy[o + c] - gradientMean[c] - normalized[o + c] * gradientDotNormalizedMean[c]);
            }
        }
    }

    /**
     * Inference with the moving statistics: {@code y = x * scale + shift} per channel for {@code
     * rows} rows, with the folded {@link #foldScale scale} and {@link #foldShift shift} (the same
     * arithmetic as a preceding layer with the normalization folded in); {@code gamma} and {@code
     * beta} may be null.
     */
    public void normalizeInference(float[] x, float[] y, int rows, float[] gamma, float[] beta) {
        foldScale(gamma, movingVariance, epsilon, inferenceScale);
        foldShift(movingMean, beta, inferenceScale, inferenceShift);
        for (int r = 0; r < rows; r++) {
            int o = r * channels;
            for (int c = 0; c < channels; c++) {
                y[o + c] = x[o + c] * inferenceScale[c] + inferenceShift[c];
            }
        }
    }

    /** {@code 1 / sqrt(variance + epsilon)}, the sum in float as in Keras. */
    private static float inverseDeviation(float variance, float epsilon) {
        return (float) (1 / Math.sqrt(variance + epsilon));
    }

    /**
     * The per-channel factor of inference, {@code scale[c] = gamma[c] / sqrt(movingVariance[c] +
     * epsilon)} ({@code gamma} may be null): inference is {@code y = x * scale + shift}.
     */
    public static void foldScale(float[] gamma, float[] movingVariance, double epsilon, float[] scale) {
        for (int c = 0; c < scale.length; c++) {
            float inverse = inverseDeviation(movingVariance[c], (float) epsilon);
            scale[c] = gamma == null ? inverse : gamma[c] * inverse;
        }
    }

    /**
     * The shift of inference, {@code beta[c] - movingMean[c] * scale[c]} ({@code beta} may be null:
     * 0).
     */
    public static void foldShift(float[] movingMean, float[] beta, float[] scale, float[] shift) {
        for (int c = 0; c < shift.length; c++) {
            shift[c] = (beta == null ? 0f : beta[c]) - movingMean[c] * scale[c];
        }
    }
}
