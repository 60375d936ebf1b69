package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slots of optimizer state, one float array per parameter and slot, created on first use. Steps
 * that pass the same parameter list as the last one find their state by index, without a lookup.
 */
final class PerParameterState {
    private final int slots;
    private final float initial;
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();
    private List<Parameter> lastList;
    private float[][][] byIndex = new float[0][][];

    PerParameterState(int slots) {
        this(slots, 0f);
    }

    /** State whose slots start at {@code initial} (Adagrad's initial accumulator value). */
    PerParameterState(int slots, float initial) {
        this.slots = slots;
        this.initial = initial;
    }

    /** The state of {@code parameters.get(index)}. */
    float[][] of(List<Parameter> parameters, int index) {
        if (parameters != lastList) {
            byIndex = new float[parameters.size()][][];
            for (int k = 0; k < byIndex.length; k++) {
                byIndex[k] = of(parameters.get(k));
            }
            lastList = parameters;
        }
        return byIndex[index];
    }

    private float[][] of(Parameter p) {
        float[][] s = state.get(p);
        if (s == null) {
            s = new float[slots][p.size()];
            if (initial != 0f) {
                for (float[] slot : s) {
                    java.util.Arrays.fill(slot, initial);
                }
            }
            state.put(p, s);
        }
        return s;
    }
}
