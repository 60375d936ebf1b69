package dev.lamina.runtime.layers;

import dev.lamina.runtime.math.Functions;
import dev.lamina.runtime.spec.Activation;

/**
 * Applies an {@link Activation} to a flat buffer and back-propagates through it. Softmax works on
 * consecutive rows of {@code width} values (the last axis); every other activation is element-wise.
 */
public final class Activations {
    private Activations() {}

    /** {@code y[i] = f(z[i])} for {@code i < count}. */
    public static void forward(Activation activation, float[] z, float[] y, int count, int width) {
        if (activation == Activation.SOFTMAX) {
            for (int row = 0; row < count; row += width) {
                softmaxRow(z, y, row, width);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            y[i] = apply(activation, z[i]);
        }
    }

    /**
     * Turns {@code g} = d(loss)/d(y) into d(loss)/d(z) in place, given the pre-activation {@code z}
     * and the output {@code y} of the forward pass.
     */
    public static void backward(Activation activation, float[] z, float[] y, float[] g, int count, int width) {
        if (activation == Activation.LINEAR) {
            return;
        }
        if (activation == Activation.SOFTMAX) {
            for (int row = 0; row < count; row += width) {
                double dot = 0;
                for (int j = row; j < row + width; j++) {
                    dot += (double) g[j] * y[j];
                }
                for (int j = row; j < row + width; j++) {
                    g[j] = (float) (y[j] * (g[j] - dot));
                }
            }
            return;
        }
        if (activation == Activation.RELU) {
            for (int i = 0; i < count; i++) {
                g[i] = y[i] > 0 ? g[i] : 0f; // generated code's mask: a unit that is off (or NaN) passes nothing
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            g[i] *= derivative(activation, z[i], y[i]);
        }
    }

    private static float apply(Activation activation, float z) {
        return switch (activation) {
            case LINEAR -> z;
            case RELU -> Math.max(z, 0f); // NaN stays NaN, like Keras and generated code
            case TANH -> (float) Math.tanh(z);
            case SIGMOID -> Functions.sigmoid(z);
            case ELU -> Functions.elu(z);
            case SOFTPLUS -> Functions.softplus(z);
            case GELU -> Functions.gelu(z);
            case SILU -> Functions.silu(z);
            case SELU -> Functions.selu(z);
            case LEAKY_RELU -> z > 0 ? z : Functions.LEAKY_RELU_SLOPE * z;
            case HARD_SIGMOID -> Functions.hardSigmoid(z);
            case SOFTSIGN -> Functions.softsign(z);
            case SOFTMAX -> throw new IllegalArgumentException("softmax is not element-wise");
        };
    }

    /** f'(z), using the output y where that is cheaper. */
    private static float derivative(Activation activation, float z, float y) {
        return switch (activation) {
            case LINEAR -> 1f;
            case RELU -> throw new IllegalArgumentException("relu's gradient is a mask, see backward");
            case TANH -> 1 - y * y;
            case SIGMOID -> y * (1 - y);
            case ELU -> Functions.eluDerivative(z);
            case SOFTPLUS -> Functions.sigmoid(z);
            case GELU -> Functions.geluDerivative(z);
            case SILU -> Functions.siluDerivative(z);
            case SELU -> Functions.seluDerivative(z);
            case LEAKY_RELU -> y > 0 ? 1f : Functions.LEAKY_RELU_SLOPE;
            case HARD_SIGMOID -> y > 0 && y < 1 ? 1f / 6 : 0f;
            case SOFTSIGN -> Functions.softsignDerivative(z);
            case SOFTMAX -> throw new IllegalArgumentException("softmax is not element-wise");
        };
    }

    private static void softmaxRow(float[] z, float[] y, int offset, int width) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = offset; j < offset + width; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = offset; j < offset + width; j++) {
            double e = Math.exp(z[j] - max);
            y[j] = (float) e;
            sum += e;
        }
        for (int j = offset; j < offset + width; j++) {
            y[j] = (float) (y[j] / sum);
        }
    }
}
