package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import java.util.SplittableRandom;

/**
 * {@code flatten} and {@code reshape}: the values keep their row-major order, only the shape
 * changes, so both passes copy.
 */
public final class ReshapeLayer extends UnaryLayer {
    public ReshapeLayer(LayerSpec spec) {
        super(spec);
        if (!(spec instanceof LayerSpec.Flatten) && !(spec instanceof LayerSpec.Reshape)) {
            throw new IllegalArgumentException(spec.name() + " (" + spec.typeName() + ") is not a reshape");
        }
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        System.arraycopy(x, 0, y, 0, outputCount());
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx != null) {
            System.arraycopy(dy, 0, dx, 0, inputCount());
        }
    }
}
