package dev.lamina.samples;

import java.util.SplittableRandom;

/**
 * Synthetic two-channel sensor recordings of 511 steps for four activities, seeded: 0 a slow sine
 * (walking), 1 a fast sine (running), 2 a square wave (jumping), 3 noise around a constant
 * (standing). Amplitude, frequency and phase vary per example and every step carries noise.
 */
final class SensorData {
    static final int STEPS = 511;
    static final int CHANNELS = 2;
    static final int CLASSES = 4;

    /** Inputs (n, 511, 2), one-hot targets (n, 4) and the class of each example. */
    record Batch(float[] x, float[] y, int[] labels) {
        int size() {
            return labels.length;
        }
    }

    private SensorData() {}

    /** {@code n} recordings from {@code seed}, with noise of amplitude 0.2. */
    static Batch generate(int n, long seed) {
        return generate(n, seed, 0.2);
    }

    /** {@code n} recordings from {@code seed}, each step with uniform noise in {@code [-noise, noise]}. */
    static Batch generate(int n, long seed, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * STEPS * CHANNELS];
        float[] y = new float[n * CLASSES];
        int[] labels = new int[n];
        for (int e = 0; e < n; e++) {
            int label = e % CLASSES;
            labels[e] = label;
            y[e * CLASSES + label] = 1;
            double amplitude = 0.5 + random.nextDouble();
            double phase = random.nextDouble() * 2 * Math.PI;
            double period =
                    switch (label) {
                        case 0 -> 60 + random.nextDouble() * 20;
                        case 1 -> 12 + random.nextDouble() * 6;
                        default -> 40 + random.nextDouble() * 20;
                    };
            for (int t = 0; t < STEPS; t++) {
                double angle = 2 * Math.PI * t / period + phase;
                for (int c = 0; c < CHANNELS; c++) {
                    double shifted = angle + c * Math.PI / 2;
                    double signal =
                            switch (label) {
                                case 0, 1 -> Math.sin(shifted);
                                case 2 -> Math.signum(Math.sin(shifted));
                                default -> 0.2;
                            };
                    double jitter = noise * (random.nextDouble() * 2 - 1);
                    x[(e * STEPS + t) * CHANNELS + c] = (float) (amplitude * signal + jitter);
                }
            }
        }
        return new Batch(x, y, labels);
    }
}
