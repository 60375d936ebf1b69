package dev.lamina.runtime.layers;

import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code dense} on the last axis: every row of {@code in} features (one per example, or one per step
 * of a rank-2 example) becomes {@code units} values. Kernel (in, units), bias (units).
 */
public final class DenseLayer extends UnaryLayer {
    private final LayerSpec.Dense spec;
    private final int in;
    private final Parameter kernel;
    private final Parameter bias;
    private float[] preActivation = new float[0];

    public DenseLayer(LayerSpec.Dense spec, Shape input) {
        super(spec);
        this.spec = spec;
        this.in = input.last();
        this.kernel = new Parameter(spec.name(), "kernel", Shape.of(in, spec.units()), Initializer.GLOROT_UNIFORM);
        this.bias =
                spec.useBias() ? new Parameter(spec.name(), "bias", Shape.of(spec.units()), Initializer.ZEROS) : null;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    protected void resize() {
        preActivation = new float[outputCount()];
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        int units = spec.units();
        float[] w = kernel.value();
        float[] z = preActivation;
        int rows = inputCount() / in;
        for (int r = 0; r < rows; r++) {
            int zo = r * units;
            for (int u = 0; u < units; u++) {
                z[zo + u] = bias == null ? 0f : bias.value()[u];
            }
            for (int i = 0; i < in; i++) {
                float xv = x[r * in + i];
                int wo = i * units;
                for (int u = 0; u < units; u++) {
                    z[zo + u] += xv * w[wo + u];
                }
            }
        }
        Activations.forward(spec.activation(), z, y, outputCount(), units);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        int units = spec.units();
        Activations.backward(spec.activation(), preActivation, y, dy, outputCount(), units);
        float[] w = kernel.value();
        float[] dw = kernel.gradient();
        int rows = inputCount() / in;
        for (int r = 0; r < rows; r++) {
            int zo = r * units;
            if (bias != null) {
                for (int u = 0; u < units; u++) {
                    bias.gradient()[u] += dy[zo + u];
                }
            }
            for (int i = 0; i < in; i++) {
                float xv = x[r * in + i];
                int wo = i * units;
                float sum = 0f;
                for (int u = 0; u < units; u++) {
                    dw[wo + u] += xv * dy[zo + u];
                    sum += w[wo + u] * dy[zo + u];
                }
                if (dx != null) {
                    dx[r * in + i] = sum;
                }
            }
        }
    }
}
