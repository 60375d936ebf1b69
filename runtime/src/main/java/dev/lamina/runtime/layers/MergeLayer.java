package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.MergeRule;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An element-wise merge of its inputs (Keras 3): add, subtract (first minus second), multiply,
 * average, maximum and minimum, with inputs that broadcast over size-1 axes. Maximum and minimum
 * fold the inputs in order, keeping the earlier value on a tie, and route each gradient to the
 * input whose value was kept.
 */
public final class MergeLayer extends Layer {
    private final MergeKind kind;
    /** maps[i][o]: the value of input i that output o reads (per example); null for the identity. */
    private int[][] maps = new int[0][];

    private int[] inSizes = new int[0];
    private int outSize;
    /** For maximum and minimum: the input whose value each output kept. */
    private int[] winner = new int[0];

    public MergeLayer(LayerSpec.Merge spec) {
        super(spec);
        this.kind = spec.kind();
    }

    @Override
    protected void resize() {
        int n = inputShapes().size();
        maps = new int[n][];
        inSizes = new int[n];
        for (int i = 0; i < n; i++) {
            maps[i] = MergeRule.broadcastIndexMap(inputShapes().get(i), outputShape());
            inSizes[i] = inputShapes().get(i).size();
        }
        outSize = outputShape().size();
        winner = kind == MergeKind.MAXIMUM || kind == MergeKind.MINIMUM ? new int[outputCount()] : new int[0];
    }

    private float read(float[][] inputs, int i, int b, int o) {
        int[] map = maps[i];
        return inputs[i][b * inSizes[i] + (map == null ? o : map[o])];
    }

    @Override
    public void forward(float[][] inputs, float[] y, SplittableRandom dropout) {
        int n = inputs.length;
        for (int b = 0; b < batch(); b++) {
            for (int o = 0; o < outSize; o++) {
                float acc = read(inputs, 0, b, o);
                int kept = 0;
                for (int i = 1; i < n; i++) {
                    float v = read(inputs, i, b, o);
                    switch (kind) {
                        case ADD, AVERAGE -> acc += v;
                        case SUBTRACT -> acc -= v;
                        case MULTIPLY -> acc *= v;
                        case MAXIMUM -> {
                            if (v > acc || Float.isNaN(v)) {
                                acc = v;
                                kept = i;
                            }
                        }
                        case MINIMUM -> {
                            if (v < acc || Float.isNaN(v)) {
                                acc = v;
                                kept = i;
                            }
                        }
                    }
                }
                int index = b * outSize + o;
                y[index] = kind == MergeKind.AVERAGE ? acc / n : acc;
                if (winner.length > 0) {
                    winner[index] = kept;
                }
            }
        }
    }

    @Override
    public void backward(float[][] inputs, float[] y, float[] dy, float[][] dx) {
        int n = inputs.length;
        for (int i = 0; i < n; i++) {
            if (dx[i] != null) {
                Arrays.fill(dx[i], 0, batch() * inSizes[i], 0f);
            }
        }
        for (int b = 0; b < batch(); b++) {
            for (int o = 0; o < outSize; o++) {
                float g = dy[b * outSize + o];
                for (int i = 0; i < n; i++) {
                    if (dx[i] == null) {
                        continue;
                    }
                    int target = b * inSizes[i] + (maps[i] == null ? o : maps[i][o]);
                    dx[i][target] += switch (kind) {
                        case ADD -> g;
                        case SUBTRACT -> i == 0 ? g : -g;
                        case AVERAGE -> g / n;
                        case MULTIPLY -> g * productOfOthers(inputs, i, b, o);
                        case MAXIMUM, MINIMUM -> winner[b * outSize + o] == i ? g : 0f;
                    };
                }
            }
        }
    }

    private float productOfOthers(float[][] inputs, int skip, int b, int o) {
        float product = 1f;
        for (int j = 0; j < inputs.length; j++) {
            if (j != skip) {
                product *= read(inputs, j, b, o);
            }
        }
        return product;
    }
}
