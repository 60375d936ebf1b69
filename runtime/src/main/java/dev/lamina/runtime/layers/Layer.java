package dev.lamina.runtime.layers;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One interpreted layer: forward and backward passes over a batch of flat, channels-last examples.
 * A layer owns its parameters, their gradients and its scratch buffers; it never looks at its
 * neighbours. Before a pass, {@link #prepare} gives it the concrete per-example input shape and the
 * batch size; buffers are resized only when these change.
 */
public abstract class Layer {
    private final LayerSpec spec;
    private Shape inputShape;
    private Shape outputShape;
    private int batch;

    protected Layer(LayerSpec spec) {
        this.spec = spec;
    }

    public LayerSpec spec() {
        return spec;
    }

    public final String name() {
        return spec.name();
    }

    /** The layer's trainable parameters, kernel before bias. */
    public List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Fixes the concrete per-example input shape (every dimension known) and the batch size of the
     * next passes and returns the per-example output shape.
     */
    public final Shape prepare(Shape input, int batch) {
        if (batch != this.batch || !input.equals(inputShape)) {
            this.outputShape = spec.outputShape(input);
            this.inputShape = input;
            this.batch = batch;
            resize();
        }
        return outputShape;
    }

    /** Called by {@link #prepare} when the shapes or the batch size change, to size scratch buffers. */
    protected void resize() {}

    protected final Shape inputShape() {
        return inputShape;
    }

    protected final Shape outputShape() {
        return outputShape;
    }

    protected final int batch() {
        return batch;
    }

    /** Number of input values of the prepared batch. */
    protected final int inputCount() {
        return batch * inputShape.size();
    }

    /** Number of output values of the prepared batch. */
    protected final int outputCount() {
        return batch * outputShape.size();
    }

    /**
     * Computes {@code y} from {@code x} for the prepared batch.
     *
     * @param dropout the random stream for dropout masks, or null when dropout is off (inference, or
     *     training with dropout switched off)
     */
    public abstract void forward(float[] x, float[] y, SplittableRandom dropout);

    /**
     * Back-propagates through the last {@link #forward}: adds d(loss)/d(parameter) into every
     * parameter gradient and writes d(loss)/d(x) into {@code dx}.
     *
     * @param x the input of the last forward pass
     * @param y its output
     * @param dy d(loss)/d(y); the layer may overwrite it
     * @param dx receives d(loss)/d(x), or null when the input gradient is not wanted
     */
    public abstract void backward(float[] x, float[] y, float[] dy, float[] dx);
}
