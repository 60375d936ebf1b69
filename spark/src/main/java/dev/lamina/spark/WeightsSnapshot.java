package dev.lamina.spark;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every parameter value of a model at one moment, flat in parameter order, as broadcast to the
 * executors; its id tells a cached model whether it already holds these values.
 */
final class WeightsSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime());

    private final long id;
    private final String[] keys;
    private final int[] sizes;
    private final float[] values;

    private WeightsSnapshot(String[] keys, int[] sizes, float[] values) {
        this.id = IDS.incrementAndGet();
        this.keys = keys;
        this.sizes = sizes;
        this.values = values;
    }

    /** A copy of {@code model}'s current parameter values. */
    static WeightsSnapshot of(Model model) {
        List<Parameter> parameters = model.parameters();
        String[] keys = new String[parameters.size()];
        int[] sizes = new int[parameters.size()];
        float[] values = new float[Math.toIntExact(model.parameterCount())];
        int offset = 0;
        for (int k = 0; k < keys.length; k++) {
            Parameter p = parameters.get(k);
            keys[k] = p.key();
            sizes[k] = p.size();
            System.arraycopy(p.value(), 0, values, offset, p.size());
            offset += p.size();
        }
        return new WeightsSnapshot(keys, sizes, values);
    }

    long id() {
        return id;
    }

    /** Total number of values. */
    int size() {
        return values.length;
    }

    /**
     * Copies these values into {@code model}'s parameters.
     *
     * @throws IllegalStateException when the model's parameters are not the ones snapshot
     */
    void loadInto(Model model) {
        List<Parameter> parameters = model.parameters();
        if (parameters.size() != keys.length) {
            throw mismatch(model);
        }
        int offset = 0;
        for (int k = 0; k < keys.length; k++) {
            Parameter p = parameters.get(k);
            if (!p.key().equals(keys[k]) || p.size() != sizes[k]) {
                throw mismatch(model);
            }
            System.arraycopy(values, offset, p.value(), 0, sizes[k]);
            offset += sizes[k];
        }
    }

    private IllegalStateException mismatch(Model model) {
        return new IllegalStateException("the broadcast weights (" + Arrays.toString(keys) + ") are not those of model "
                + model.name() + " " + model.parameters());
    }
}
