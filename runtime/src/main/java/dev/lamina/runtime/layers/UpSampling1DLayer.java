package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import java.util.SplittableRandom;

/** {@code up_sampling1d}: each step repeated {@code size} times in place; the backward pass sums the copies. */
public final class UpSampling1DLayer extends UnaryLayer {
    private final int size;

    public UpSampling1DLayer(LayerSpec.UpSampling1D spec) {
        super(spec);
        this.size = spec.size();
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        int channels = inputShape().dim(1);
        int steps = batch() * inputShape().dim(0);
        for (int t = 0; t < steps; t++) {
            for (int r = 0; r < size; r++) {
                System.arraycopy(x, t * channels, y, (t * size + r) * channels, channels);
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx == null) {
            return;
        }
        int channels = inputShape().dim(1);
        int steps = batch() * inputShape().dim(0);
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < channels; c++) {
                float sum = 0f;
                for (int r = 0; r < size; r++) {
                    sum += dy[(t * size + r) * channels + c];
                }
                dx[t * channels + c] = sum;
            }
        }
    }
}
