package dev.lamina.runtime.layers;

import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.WindowRule;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code conv1d}: input (steps, channels), output (outSteps, filters), kernel (kernel_size,
 * channels, filters), bias (filters). Output step {@code t} with tap {@code j} reads input step
 * {@code t*s + j*d - left}; steps outside the input are the padding's zeros.
 */
public final class Conv1DLayer extends UnaryLayer {
    private final LayerSpec.Conv1D spec;
    private final int channels;
    private final Parameter kernel;
    private final Parameter bias;
    private float[] preActivation = new float[0];
    private int steps;
    private int outSteps;
    private int left;

    public Conv1DLayer(LayerSpec.Conv1D spec, Shape input) {
        super(spec);
        this.spec = spec;
        this.channels = input.dim(1);
        this.kernel = new Parameter(
                spec.name(),
                "kernel",
                Shape.of(spec.kernelSize(), channels, spec.filters()),
                Initializer.GLOROT_UNIFORM);
        this.bias =
                spec.useBias() ? new Parameter(spec.name(), "bias", Shape.of(spec.filters()), Initializer.ZEROS) : null;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    protected void resize() {
        steps = inputShape().dim(0);
        outSteps = outputShape().dim(0);
        left = (int) WindowRule.leftPadding(steps, spec.effectiveKernel(), spec.strides(), spec.padding());
        preActivation = new float[outputCount()];
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        int filters = spec.filters();
        float[] w = kernel.value();
        float[] z = preActivation;
        for (int b = 0; b < batch(); b++) {
            for (int t = 0; t < outSteps; t++) {
                int zo = (b * outSteps + t) * filters;
                for (int f = 0; f < filters; f++) {
                    z[zo + f] = bias == null ? 0f : bias.value()[f];
                }
                for (int j = 0; j < spec.kernelSize(); j++) {
                    int i = t * spec.strides() + j * spec.dilationRate() - left;
                    if (i < 0 || i >= steps) {
                        continue;
                    }
                    int xo = (b * steps + i) * channels;
                    for (int c = 0; c < channels; c++) {
                        float xv = x[xo + c];
                        int wo = (j * channels + c) * filters;
                        for (int f = 0; f < filters; f++) {
                            z[zo + f] += xv * w[wo + f];
                        }
                    }
                }
            }
        }
        Activations.forward(spec.activation(), z, y, outputCount(), filters);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        int filters = spec.filters();
        Activations.backward(spec.activation(), preActivation, y, dy, outputCount(), filters);
        float[] w = kernel.value();
        float[] dw = kernel.gradient();
        if (dx != null) {
            Arrays.fill(dx, 0, inputCount(), 0f);
        }
        for (int b = 0; b < batch(); b++) {
            for (int t = 0; t < outSteps; t++) {
                int zo = (b * outSteps + t) * filters;
                if (bias != null) {
                    for (int f = 0; f < filters; f++) {
                        bias.gradient()[f] += dy[zo + f];
                    }
                }
                for (int j = 0; j < spec.kernelSize(); j++) {
                    int i = t * spec.strides() + j * spec.dilationRate() - left;
                    if (i < 0 || i >= steps) {
                        continue;
                    }
                    int xo = (b * steps + i) * channels;
                    for (int c = 0; c < channels; c++) {
                        float xv = x[xo + c];
                        int wo = (j * channels + c) * filters;
                        float sum = 0f;
                        for (int f = 0; f < filters; f++) {
                            dw[wo + f] += xv * dy[zo + f];
                            sum += w[wo + f] * dy[zo + f];
                        }
                        if (dx != null) {
                            dx[xo + c] += sum;
                        }
                    }
                }
            }
        }
    }
}
