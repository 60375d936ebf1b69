package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import java.util.SplittableRandom;

/**
 * {@code dropout} (inverted): in training with dropout on, each value is kept with probability
 * {@code 1 - rate} and scaled by {@code 1 / (1 - rate)}, else zeroed; otherwise the identity.
 */
public final class DropoutLayer extends UnaryLayer {
    private final LayerSpec.Dropout spec;
    /** Per value: 0 (dropped) or 1/(1-rate) (kept) in the last pass; all ones when it was off. */
    private float[] mask = new float[0];

    public DropoutLayer(LayerSpec.Dropout spec) {
        super(spec);
        this.spec = spec;
    }

    @Override
    protected void resize() {
        mask = new float[outputCount()];
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        int n = outputCount();
        if (dropout == null || spec.rate() <= 0) {
            java.util.Arrays.fill(mask, 0, n, 1f);
        } else {
            float keptScale = (float) (1 / (1 - spec.rate()));
            for (int i = 0; i < n; i++) {
                mask[i] = dropout.nextDouble() < spec.rate() ? 0f : keptScale;
            }
        }
        for (int i = 0; i < n; i++) {
            y[i] = x[i] * mask[i];
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx != null) {
            int n = inputCount();
            for (int i = 0; i < n; i++) {
                dx[i] = dy[i] * mask[i];
            }
        }
    }
}
