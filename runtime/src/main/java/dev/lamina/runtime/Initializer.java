package dev.lamina.runtime;

import java.util.SplittableRandom;

/** How a parameter starts, as in Keras's defaults. */
public enum Initializer {
    /** Kernels: uniform in ±sqrt(6 / (fan_in + fan_out)), fans from the (…, in, out) layout. */
    GLOROT_UNIFORM,
    /** Biases, batch normalization's beta and moving mean. */
    ZEROS,
    /** Normalization's gamma and batch normalization's moving variance. */
    ONES,
    /** Embeddings: uniform in ±0.05. */
    UNIFORM_005;

    /** Fills {@code p}'s values from {@code random}. */
    public void fill(Parameter p, SplittableRandom random) {
        float[] v = p.value();
        switch (this) {
            case ZEROS -> java.util.Arrays.fill(v, 0f);
            case ONES -> java.util.Arrays.fill(v, 1f);
            case UNIFORM_005 -> fillUniform(v, 0.05, random);
            case GLOROT_UNIFORM -> {
                int[] dims = p.shape().dims();
                long receptive = 1;
                for (int i = 0; i < dims.length - 2; i++) {
                    receptive *= dims[i];
                }
                long fanIn = dims.length >= 2 ? dims[dims.length - 2] * receptive : dims[0];
                long fanOut = dims[dims.length - 1] * receptive;
                fillUniform(v, Math.sqrt(6.0 / (fanIn + fanOut)), random);
            }
        }
    }

    /**
     * Initializes every parameter in order from one stream seeded with {@code seed}, so the same
     * model and seed always start from the same weights, whatever the engine.
     */
    public static void initializeAll(Iterable<Parameter> parameters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Parameter p : parameters) {
            p.initializer().fill(p, random);
        }
    }

    private static void fillUniform(float[] v, double limit, SplittableRandom random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }
}
