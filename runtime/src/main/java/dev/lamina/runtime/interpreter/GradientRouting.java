package dev.lamina.runtime.interpreter;

import dev.lamina.runtime.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * How gradients flow back through a model graph ({@link ModelSpec#readers}): for each tensor
 * where its readers write d(loss)/d(tensor). A tensor
 * with one reader lets that reader write its gradient directly; a tensor with several readers (or
 * read and also the output) gets one buffer per reader, summed in reader order.
 */
final class GradientRouting {
    private final ModelSpec spec;
    private final int outputTensor;
    private final int[][] reads;
    /** readers[t]: the (node, slot) pairs that read tensor t, for nodes on a path to the output. */
    private final List<List<int[]>> readers = new ArrayList<>();

    GradientRouting(ModelSpec spec) {
        this.spec = spec;
        this.outputTensor = spec.tensor(spec.output());
        this.reads = new int[spec.nodes().size()][];
        for (int n = 0; n < reads.length; n++) {
            reads[n] = spec.nodeInputs(n);
        }
        for (int t = 0; t < spec.tensorCount(); t++) {
            readers.add(spec.readers(t));
        }
    }

    int outputTensor() {
        return outputTensor;
    }

    int[] reads(int node) {
        return reads[node];
    }

    boolean reachesOutput(int node) {
        return spec.reachesOutput(node);
    }

    private boolean hasGradient(int tensor) {
        return tensor >= spec.inputs().size() || !spec.inputs().get(tensor).integerIds();
    }

    /** Whether readers write d(loss)/d(tensor) straight into the tensor's gradient buffer. */
    private boolean direct(int tensor) {
        return readers.get(tensor).size() == 1 && tensor != outputTensor;
    }

    /**
     * Allocates the gradient buffers for tensors of {@code sizes} values: fills {@code gradients}
     * (per tensor) and returns the per-node, per-slot arrays readers write into.
     */
    float[][][] allocate(int[] sizes, float[][] gradients) {
        float[][][] slots = new float[reads.length][][];
        for (int n = 0; n < reads.length; n++) {
            slots[n] = new float[reads[n].length][];
        }
        for (int t = 0; t < sizes.length; t++) {
            if (!hasGradient(t)) {
                continue;
            }
            gradients[t] = new float[sizes[t]];
            for (int[] reader : readers.get(t)) {
                slots[reader[0]][reader[1]] = direct(t) ? gradients[t] : new float[sizes[t]];
            }
        }
        return slots;
    }

    /**
     * Makes {@code gradients[tensor]} hold d(loss)/d(tensor) once every reader has run: the output
     * gradient if it is the output, plus each reader's slot, in reader order (nothing to do for a
     * tensor whose one reader wrote it directly).
     */
    void collect(int tensor, float[][] gradients, float[][][] slots, float[] outputGradient) {
        float[] sum = gradients[tensor];
        if (sum == null || direct(tensor)) {
            return;
        }
        List<int[]> list = readers.get(tensor);
        if (tensor == outputTensor) {
            System.arraycopy(outputGradient, 0, sum, 0, sum.length);
        } else {
            java.util.Arrays.fill(sum, 0f);
        }
        for (int[] reader : list) {
            float[] part = slots[reader[0]][reader[1]];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += part[i];
            }
        }
    }
}
