package dev.lamina.runtime.math;

/**
 * Layer normalization over rows of {@code width} values (the last axis), shared by the interpreter
 * and generated code so both compute the same values: each row is normalized with its own mean and
 * biased variance, {@code y = (x - mean) / sqrt(var + epsilon) * gamma + beta}.
 */
public final class LayerNorm {
    private LayerNorm() {}

    /**
     * Normalizes {@code rows} rows of {@code x} into {@code y}, keeping the normalized values and
     * each row's {@code 1 / sqrt(var + epsilon)} for the backward pass; {@code gamma} and {@code
     * beta} may be null (1 and 0).
     */
    public static void forward(
            float[] x,
            float[] normalized,
            float[] inverseDeviation,
            float[] y,
            int rows,
            int width,
            float[] gamma,
            float[] beta,
            double epsilon) {
        float eps = (float) epsilon;
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double sum = 0;
            for (int c = 0; c < width; c++) {
                sum += x[o + c];
            }
            double mean = sum / width;
            double squares = 0;
            for (int c = 0; c < width; c++) {
                double d = x[o + c] - mean;
                squares += d * d;
            }
            float m = (float) mean;
            float inverse = (float) (1 / Math.sqrt((float) (squares / width) + eps));
            inverseDeviation[r] = inverse;
            for (int c = 0; c < width; c++) {
                float h = (x[o + c] - m) * inverse;
                normalized[o + c] = h;
                float scaled = gamma == null ? h : h * gamma[c];
                y[o + c] = beta == null ? scaled : scaled + beta[c];
            }
        }
    }

    /**
     * Back-propagates {@code dy} through the last {@link #forward}: adds into the gradients of gamma
     * and beta (each may be null) and writes {@code dx = inv * (g - mean(g) - normalized *
     * mean(g * normalized))} per row, {@code g = dy * gamma}; {@code dx} may be null.
     */
    public static void backward(
            float[] dy,
            float[] normalized,
            float[] inverseDeviation,
            float[] dx,
            int rows,
            int width,
            float[] gamma,
            float[] gammaGradient,
            float[] betaGradient) {
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double sum = 0;
            double dot = 0;
            for (int c = 0; c < width; c++) {
                float g = gamma == null ? dy[o + c] : dy[o + c] * gamma[c];
                sum += g;
                dot += (double) g * normalized[o + c];
                if (gammaGradient != null) {
                    gammaGradient[c] += dy[o + c] * normalized[o + c];
                }
                if (betaGradient != null) {
                    betaGradient[c] += dy[o + c];
                }
            }
            if (dx == null) {
                continue;
            }
            float meanG = (float) (sum / width);
            float meanDot = (float) (dot / width);
            float inverse = inverseDeviation[r];
            for (int c = 0; c < width; c++) {
                float g = gamma == null ? dy[o + c] : dy[o + c] * gamma[c];
                dx[o + c] = inverse * (g - meanG - normalized[o + c] * meanDot);
            }
        }
    }
}
