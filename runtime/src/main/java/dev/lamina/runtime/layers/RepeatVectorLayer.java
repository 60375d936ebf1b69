package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import java.util.SplittableRandom;

/** {@code repeat_vector}: (features) to (n, features); the backward pass sums the n copies. */
public final class RepeatVectorLayer extends UnaryLayer {
    private final LayerSpec.RepeatVector spec;

    public RepeatVectorLayer(LayerSpec.RepeatVector spec) {
        super(spec);
        this.spec = spec;
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        int features = inputShape().dim(0);
        for (int b = 0; b < batch(); b++) {
            for (int r = 0; r < spec.n(); r++) {
                System.arraycopy(x, b * features, y, (b * spec.n() + r) * features, features);
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx == null) {
            return;
        }
        int features = inputShape().dim(0);
        for (int b = 0; b < batch(); b++) {
            for (int f = 0; f < features; f++) {
                float sum = 0f;
                for (int r = 0; r < spec.n(); r++) {
                    sum += dy[(b * spec.n() + r) * features + f];
                }
                dx[b * features + f] = sum;
            }
        }
    }
}
