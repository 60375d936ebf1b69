package dev.lamina.samples;

import java.util.SplittableRandom;

/**
 * Synthetic recordings with side features, seeded: 64 steps of 3 sensor channels (a slow or a fast
 * sine with noise) and 4 side features (a device flag, then noise). The class needs both inputs:
 * {@code 2 * fast + device}, so a model that ignores either input cannot beat 50%.
 */
final class SideFeaturesData {
    static final int STEPS = 64;
    static final int CHANNELS = 3;
    static final int FEATURES = 4;
    static final int CLASSES = 4;

    /** Sequences (n, 64, 3), side features (n, 4), one-hot targets (n, 4) and each example's class. */
    record Batch(float[] seq, float[] side, float[] y, int[] labels) {
        int size() {
            return labels.length;
        }
    }

    private SideFeaturesData() {}

    static Batch generate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] seq = new float[n * STEPS * CHANNELS];
        float[] side = new float[n * FEATURES];
        float[] y = new float[n * CLASSES];
        int[] labels = new int[n];
        for (int e = 0; e < n; e++) {
            int label = e % CLASSES;
            boolean fast = label >= 2;
            int device = label % 2;
            labels[e] = label;
            y[e * CLASSES + label] = 1;
            double period = fast ? 6 + random.nextDouble() * 3 : 24 + random.nextDouble() * 12;
            double phase = random.nextDouble() * 2 * Math.PI;
            double amplitude = 0.5 + random.nextDouble();
            for (int t = 0; t < STEPS; t++) {
                for (int c = 0; c < CHANNELS; c++) {
                    double signal = Math.sin(2 * Math.PI * t / period + phase + c);
                    double noise = 0.2 * (random.nextDouble() * 2 - 1);
                    seq[(e * STEPS + t) * CHANNELS + c] = (float) (amplitude * signal + noise);
                }
            }
            side[e * FEATURES] = device;
            for (int f = 1; f < FEATURES; f++) {
                side[e * FEATURES + f] = (float) random.nextDouble();
            }
        }
        return new Batch(seq, side, y, labels);
    }
}
