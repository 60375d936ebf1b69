package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code spatial_dropout1d} (inverted): in training with dropout on, each channel of each example
 * is kept for every step with probability {@code 1 - rate} and scaled by {@code 1 / (1 - rate)},
 * else zeroed (one draw per example and channel, in that order); otherwise the identity.
 */
public final class SpatialDropout1DLayer extends UnaryLayer {
    private final LayerSpec.SpatialDropout1D spec;
    /** Per example and channel: 0 (dropped) or 1/(1-rate) in the last pass; all ones when it was off. */
    private float[] mask = new float[0];

    public SpatialDropout1DLayer(LayerSpec.SpatialDropout1D spec) {
        super(spec);
        this.spec = spec;
    }

    @Override
    protected void resize() {
        mask = new float[batch() * inputShape().dim(1)];
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        if (dropout == null || spec.rate() <= 0) {
            Arrays.fill(mask, 1f);
        } else {
            float keptScale = (float) (1 / (1 - spec.rate()));
            for (int i = 0; i < mask.length; i++) {
                mask[i] = dropout.nextDouble() < spec.rate() ? 0f : keptScale;
            }
        }
        apply(x, y);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx != null) {
            apply(dy, dx);
        }
    }

    private void apply(float[] from, float[] to) {
        int channels = inputShape().dim(1);
        int steps = inputShape().dim(0);
        for (int b = 0; b < batch(); b++) {
            for (int t = 0; t < steps; t++) {
                int o = (b * steps + t) * channels;
                for (int c = 0; c < channels; c++) {
                    to[o + c] = from[o + c] * mask[b * channels + c];
                }
            }
        }
    }
}
