package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.SplittableRandom;

/**
 * {@code permute}: output axis {@code i} is input axis {@code dims[i] - 1}. Both passes move each
 * value by an index map computed once per shape: {@code y[b, j] = x[b, source[j]]}.
 */
public final class PermuteLayer extends UnaryLayer {
    private final LayerSpec.Permute spec;
    /** source[j]: the input offset (within an example) of output value j. */
    private int[] source = new int[0];

    public PermuteLayer(LayerSpec.Permute spec) {
        super(spec);
        this.spec = spec;
    }

    @Override
    protected void resize() {
        source = sourceOffsets(inputShape(), spec);
    }

    /** For each output offset of one example, the input offset it reads. */
    static int[] sourceOffsets(Shape input, LayerSpec.Permute permute) {
        int rank = input.rank();
        int[] inStrides = new int[rank];
        int stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            inStrides[axis] = stride;
            stride *= input.dim(axis);
        }
        Shape output = permute.outputShape(input);
        int[] map = new int[input.size()];
        int[] index = new int[rank];
        for (int j = 0; j < map.length; j++) {
            int offset = 0;
            for (int axis = 0; axis < rank; axis++) {
                offset += index[axis] * inStrides[permute.dims().get(axis) - 1];
            }
            map[j] = offset;
            for (int axis = rank - 1; axis >= 0; axis--) {
                if (++index[axis] < output.dim(axis)) {
                    break;
                }
                index[axis] = 0;
            }
        }
        return map;
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        int size = source.length;
        for (int b = 0; b < batch(); b++) {
            int o = b * size;
            for (int j = 0; j < size; j++) {
                y[o + j] = x[o + source[j]];
            }
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        if (dx == null) {
            return;
        }
        int size = source.length;
        for (int b = 0; b < batch(); b++) {
            int o = b * size;
            for (int j = 0; j < size; j++) {
                dx[o + source[j]] = dy[o + j];
            }
        }
    }
}
