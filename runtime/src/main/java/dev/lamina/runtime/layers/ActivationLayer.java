package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import java.util.SplittableRandom;

/** {@code activation}: applies its activation to every value (softmax on the last axis). */
public final class ActivationLayer extends UnaryLayer {
    private final LayerSpec.ActivationLayer spec;

    public ActivationLayer(LayerSpec.ActivationLayer spec) {
        super(spec);
        this.spec = spec;
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        Activations.forward(
                spec.activation(), x, y, outputCount(), outputShape().last());
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx == null) {
            return;
        }
        Activations.backward(
                spec.activation(), x, y, dy, inputCount(), inputShape().last());
        System.arraycopy(dy, 0, dx, 0, inputCount());
    }
}
