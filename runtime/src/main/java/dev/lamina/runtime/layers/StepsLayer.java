package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code zero_padding1d} and {@code cropping1d} on (steps, channels): output step {@code t} is input
 * step {@code t - offset} ({@code offset} = the left padding, or minus the left cropping), zero
 * where that is outside the input. Both passes copy one run of steps per example.
 */
public final class StepsLayer extends UnaryLayer {
    private final int offset;

    public StepsLayer(LayerSpec.ZeroPadding1D spec) {
        super(spec);
        this.offset = spec.left();
    }

    public StepsLayer(LayerSpec.Cropping1D spec) {
        super(spec);
        this.offset = -spec.left();
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        Arrays.fill(y, 0, outputCount(), 0f);
        copy(x, y, true);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx != null) {
            Arrays.fill(dx, 0, inputCount(), 0f);
            copy(dy, dx, false);
        }
    }

    /** Copies the steps both tensors share, from input to output ({@code forward}) or back. */
    private void copy(float[] from, float[] to, boolean forward) {
        int channels = inputShape().dim(1);
        int inSteps = inputShape().dim(0);
        int outSteps = outputShape().dim(0);
        int first = Math.max(0, -offset);
        int last = Math.min(inSteps, outSteps - offset);
        int length = (last - first) * channels;
        for (int b = 0; b < batch(); b++) {
            int in = (b * inSteps + first) * channels;
            int out = (b * outSteps + first + offset) * channels;
            if (forward) {
                System.arraycopy(from, in, to, out, length);
            } else {
                System.arraycopy(from, out, to, in, length);
            }
        }
    }
}
