package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.SplittableRandom;

/** A layer with exactly one input: its passes take that input's array. */
abstract class UnaryLayer extends Layer {
    UnaryLayer(LayerSpec spec) {
        super(spec);
    }

    /** The prepared per-example input shape. */
    protected final Shape inputShape() {
        return inputShapes().get(0);
    }

    /** Number of input values of the prepared batch. */
    protected final int inputCount() {
        return batch() * inputShape().size();
    }

    @Override
    public final void forward(float[][] inputs, float[] y, SplittableRandom dropout) {
        forward(inputs[0], y, dropout);
    }

    @Override
    public final void backward(float[][] inputs, float[] y, float[] dy, float[][] dx) {
        backward(inputs[0], y, dy, dx[0]);
    }

    /** Computes {@code y} from {@code x} for the prepared batch; {@code dropout} as in {@link Layer#forward}. */
    public abstract void forward(float[] x, float[] y, SplittableRandom dropout);

    /**
     * Back-propagates through the last {@link #forward}: adds into every parameter gradient and
     * writes d(loss)/d(x) into {@code dx} (null when it is not wanted); {@code dy} may be overwritten.
     */
    public abstract void backward(float[] x, float[] y, float[] dy, float[] dx);
}
