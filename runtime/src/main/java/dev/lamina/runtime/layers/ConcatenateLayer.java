package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.MergeRule;
import dev.lamina.runtime.spec.Shape;
import java.util.SplittableRandom;

/**
 * Joins its inputs along one axis (Keras 3 {@code Concatenate}): per example, for each index of
 * the axes before the joined one, the blocks of every input in order.
 */
public final class ConcatenateLayer extends Layer {
    private final int kerasAxis;
    /** Product of the per-example dimensions before the joined axis. */
    private int outer;
    /** Per input: values of one block (its joined axis times the dimensions after it). */
    private int[] blocks = new int[0];

    private int outBlock;

    public ConcatenateLayer(LayerSpec.Concatenate spec) {
        super(spec);
        this.kerasAxis = spec.axis();
    }

    @Override
    protected void resize() {
        Shape first = inputShapes().get(0);
        int axis = MergeRule.perExampleAxis(kerasAxis, first.rank());
        outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= first.dim(a);
        }
        blocks = new int[inputShapes().size()];
        outBlock = 0;
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = inputShapes().get(i).size() / outer;
            outBlock += blocks[i];
        }
    }

    @Override
    public void forward(float[][] inputs, float[] y, SplittableRandom dropout) {
        int rows = batch() * outer;
        for (int r = 0; r < rows; r++) {
            int at = r * outBlock;
            for (int i = 0; i < blocks.length; i++) {
                System.arraycopy(inputs[i], r * blocks[i], y, at, blocks[i]);
                at += blocks[i];
            }
        }
    }

    @Override
    public void backward(float[][] inputs, float[] y, float[] dy, float[][] dx) {
        int rows = batch() * outer;
        for (int r = 0; r < rows; r++) {
            int at = r * outBlock;
            for (int i = 0; i < blocks.length; i++) {
                if (dx[i] != null) {
                    System.arraycopy(dy, at, dx[i], r * blocks[i], blocks[i]);
                }
                at += blocks[i];
            }
        }
    }
}
