package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.WindowRule;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code max_pooling1d} / {@code average_pooling1d}: (steps, channels) to (outSteps, channels), per
 * channel. A window covers the input steps {@code [t*s - left, t*s - left + pool)} that exist:
 * padding never wins a maximum and averages divide by the number of real steps. A NaN in a window
 * is its maximum (Keras propagates NaN), as in generated code.
 */
public final class Pooling1DLayer extends UnaryLayer {
    private final LayerSpec.Pooling1D spec;
    private int[] argmax = new int[0];
    private int steps;
    private int outSteps;
    private int channels;
    private int left;

    public Pooling1DLayer(LayerSpec.Pooling1D spec) {
        super(spec);
        this.spec = spec;
    }

    @Override
    protected void resize() {
        steps = inputShape().dim(0);
        channels = inputShape().dim(1);
        outSteps = outputShape().dim(0);
        left = (int) WindowRule.leftPadding(steps, spec.poolSize(), spec.strides(), spec.padding());
        argmax = spec.kind() == PoolKind.MAX ? new int[outputCount()] : new int[0];
    }

    private int windowStart(int t) {
        return Math.max(t * spec.strides() - left, 0);
    }

    private int windowEnd(int t) {
        return Math.min(t * spec.strides() - left + spec.poolSize(), steps);
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        for (int b = 0; b < batch(); b++) {
            for (int t = 0; t < outSteps; t++) {
                int start = windowStart(t);
                int end = windowEnd(t);
                for (int c = 0; c < channels; c++) {
                    int o = (b * outSteps + t) * channels + c;
                    if (spec.kind() == PoolKind.MAX) {
                        int best = (b * steps + start) * channels + c;
                        for (int i = start + 1; i < end; i++) {
                            int k = (b * steps + i) * channels + c;
                            if (x[k] > x[best] || Float.isNaN(x[k])) {
                                best = k;
                            }
                        }
                        argmax[o] = best;
                        y[o] = x[best];
                    } else {
                        float sum = 0f;
                        for (int i = start; i < end; i++) {
                            sum += x[(b * steps + i) * channels + c];
                        }
                        y[o] = sum / (end - start);
                    }
                }
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx == null) {
            return;
        }
        Arrays.fill(dx, 0, inputCount(), 0f);
        for (int b = 0; b < batch(); b++) {
            for (int t = 0; t < outSteps; t++) {
                int start = windowStart(t);
                int end = windowEnd(t);
                for (int c = 0; c < channels; c++) {
                    int o = (b * outSteps + t) * channels + c;
                    if (spec.kind() == PoolKind.MAX) {
                        dx[argmax[o]] += dy[o];
                    } else {
                        float share = dy[o] / (end - start);
                        for (int i = start; i < end; i++) {
                            dx[(b * steps + i) * channels + c] += share;
                        }
                    }
                }
            }
        }
    }
}
