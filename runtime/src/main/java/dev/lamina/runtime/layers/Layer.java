package dev.lamina.runtime.layers;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One interpreted layer: forward and backward passes over a batch of flat, channels-last examples,
 * reading one input ({@link UnaryLayer}) or several (a merge). A layer owns its parameters, their
 * gradients and its scratch buffers; it never looks at its neighbours. Before a pass, {@link
 * #prepare} gives it the concrete per-example input shapes and the batch size; buffers are resized
 * only when these change.
 */
public abstract class Layer {
    private final LayerSpec spec;
    private List<Shape> inputShapes;
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

    /** The layer's parameters, kernel before bias. */
    public List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Fixes the concrete per-example input shapes (every dimension known) and the batch size of the
     * next passes and returns the per-example output shape, by the layer's rule in its spec.
     */
    public final Shape prepare(List<Shape> inputs, int batch) {
        if (batch != this.batch || !inputs.equals(inputShapes)) {
            this.outputShape = spec.outputShape(inputs);
            this.inputShapes = List.copyOf(inputs);
            this.batch = batch;
            resize();
        }
        return outputShape;
    }

    /** Called by {@link #prepare} when the shapes or the batch size change, to size scratch buffers. */
    protected void resize() {}

    /** The prepared per-example shapes of the inputs, in order. */
    protected final List<Shape> inputShapes() {
        return inputShapes;
    }

    protected final Shape outputShape() {
        return outputShape;
    }

    protected final int batch() {
        return batch;
    }

    /** Number of output values of the prepared batch. */
    protected final int outputCount() {
        return batch * outputShape.size();
    }

    /**
     * Computes {@code y} from the inputs (one array per input, in order) for the prepared batch.
     *
     * @param dropout the random stream for dropout masks, or null when dropout is off (inference, or
     *     training with dropout switched off)
     */
    public abstract void forward(float[][] inputs, float[] y, SplittableRandom dropout);

    /**
     * Back-propagates through the last {@link #forward}: adds d(loss)/d(parameter) into every
     * parameter gradient and writes d(loss)/d(input i) into {@code dx[i]}.
     *
     * @param inputs the inputs of the last forward pass
     * @param y its output
     * @param dy d(loss)/d(y); the layer may overwrite it
     * @param dx receives d(loss)/d(each input); an entry is null when that gradient is not wanted
     */
    public abstract void backward(float[][] inputs, float[] y, float[] dy, float[][] dx);
}
