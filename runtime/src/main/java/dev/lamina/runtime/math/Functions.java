package dev.lamina.runtime.math;

/**
 * Scalar activation functions and their derivatives, shared by the interpreter and generated code
 * so both compute bit-for-bit the same values.
 */
public final class Functions {
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Functions() {}

    public static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** {@code log(1 + e^x)}, stable for large |x|. */
    public static float softplus(float x) {
        return (float) (Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
    }

    /** ELU with alpha 1: {@code x} for x > 0, else {@code e^x - 1}. */
    public static float elu(float x) {
        return x > 0 ? x : (float) Math.expm1(x);
    }

    /** d elu / dx given the input x. */
    public static float eluDerivative(float x) {
        return x > 0 ? 1f : (float) Math.exp(x);
    }

    /** Exact GELU: {@code x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2))}. */
    public static float gelu(float x) {
        return (float) (0.5 * x * (1 + erf(x * SQRT_HALF)));
    }

    /** d gelu / dx = {@code Phi(x) + x * phi(x)}. */
    public static float geluDerivative(float x) {
        double cdf = 0.5 * (1 + erf(x * SQRT_HALF));
        double pdf = INV_SQRT_2PI * Math.exp(-0.5 * (double) x * x);
        return (float) (cdf + x * pdf);
    }

    /** SELU's alpha (Keras 3, {@code activations/activations.py}). */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    /** SELU's scale. */
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;
    /** The negative slope of the {@code leaky_relu} activation. */
    public static final float LEAKY_RELU_SLOPE = 0.2f;

    /** SiLU (swish): {@code x * sigmoid(x)}. */
    public static float silu(float x) {
        return (float) (x / (1 + Math.exp(-x)));
    }

    /** d silu / dx = {@code s * (1 + x * (1 - s))}, {@code s = sigmoid(x)}. */
    public static float siluDerivative(float x) {
        double s = 1 / (1 + Math.exp(-x));
        return (float) (s * (1 + x * (1 - s)));
    }

    /** SELU: {@code scale * x} for x > 0, else {@code scale * alpha * (e^x - 1)}. */
    public static float selu(float x) {
        return x > 0 ? (float) (SELU_SCALE * x) : (float) (SELU_SCALE * SELU_ALPHA * Math.expm1(x));
    }

    /** d selu / dx given the input x. */
    public static float seluDerivative(float x) {
        return x > 0 ? (float) SELU_SCALE : (float) (SELU_SCALE * SELU_ALPHA * Math.exp(x));
    }

    /** Keras 3's hard sigmoid: 0 for x <= -3, 1 for x >= 3, {@code x / 6 + 0.5} between. */
    public static float hardSigmoid(float x) {
        return x <= -3 ? 0f : x >= 3 ? 1f : x / 6f + 0.5f;
    }

    /** Softsign: {@code x / (1 + |x|)}. */
    public static float softsign(float x) {
        return x / (1 + Math.abs(x));
    }

    /** d softsign / dx = {@code 1 / (1 + |x|)^2}. */
    public static float softsignDerivative(float x) {
        float d = 1 + Math.abs(x);
        return 1 / (d * d);
    }

    /** Coefficients of the Chebyshev fit of erfc (Numerical Recipes' erfcc), lowest first. */
    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /** The error function, with a fractional error below 1.2e-7 everywhere. */
    public static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = poly * t + ERFC[i];
        }
        double erfc = t * Math.exp(-z * z + poly);
        return x >= 0 ? 1 - erfc : erfc - 1;
    }
}
