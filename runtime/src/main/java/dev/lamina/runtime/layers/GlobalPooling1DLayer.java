package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.PoolKind;
import java.util.SplittableRandom;

/**
 * {@code global_max_pooling1d} / {@code global_average_pooling1d}: (steps, channels) to (channels).
 * A NaN is the maximum of its channel (Keras propagates NaN), as in generated code.
 */
public final class GlobalPooling1DLayer extends UnaryLayer {
    private final LayerSpec.GlobalPooling1D spec;
    private int[] argmax = new int[0];
    private int steps;
    private int channels;

    public GlobalPooling1DLayer(LayerSpec.GlobalPooling1D spec) {
        super(spec);
        this.spec = spec;
    }

    @Override
    protected void resize() {
        steps = inputShape().dim(0);
        channels = inputShape().dim(1);
        argmax = spec.kind() == PoolKind.MAX ? new int[outputCount()] : new int[0];
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        for (int b = 0; b < batch(); b++) {
            for (int c = 0; c < channels; c++) {
                int o = b * channels + c;
                int first = b * steps * channels + c;
                if (spec.kind() == PoolKind.MAX) {
                    int best = first;
                    for (int i = 1; i < steps; i++) {
                        int k = first + i * channels;
                        if (x[k] > x[best] || Float.isNaN(x[k])) {
                            best = k;
                        }
                    }
                    argmax[o] = best;
                    y[o] = x[best];
                } else {
                    float sum = 0f;
                    for (int i = 0; i < steps; i++) {
                        sum += x[first + i * channels];
                    }
                    y[o] = sum / steps;
                }
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx == null) {
            return;
        }
        for (int b = 0; b < batch(); b++) {
            for (int c = 0; c < channels; c++) {
                int o = b * channels + c;
                int first = b * steps * channels + c;
                for (int i = 0; i < steps; i++) {
                    int k = first + i * channels;
                    if (spec.kind() == PoolKind.MAX) {
                        dx[k] = k == argmax[o] ? dy[o] : 0f;
                    } else {
                        dx[k] = dy[o] / steps;
                    }
                }
            }
        }
    }
}
