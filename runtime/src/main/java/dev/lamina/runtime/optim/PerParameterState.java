package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slots of optimizer state, one float array per parameter and slot, created on first use. Steps
 * that pass the same parameter list as the last one find their state by index, without a lookup.
 */
final class PerParameterState {
    private final int slots;
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();
    private List<Parameter> lastList;
    private float[][][] byIndex = new float[0][][];

    PerParameterState(int slots) {
        this.slots = slots;
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

    /** A copy of the state of every parameter, by key, in the optimizer's slot order. */
    Map<String, float[][]> copy(List<Parameter> parameters) {
        Map<String, float[][]> copy = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            float[][] s = of(p);
            float[][] arrays = new float[slots][];
            for (int slot = 0; slot < slots; slot++) {
                arrays[slot] = s[slot].clone();
            }
            copy.put(p.key(), arrays);
        }
        return copy;
    }

    /**
     * Replaces the state of every parameter with a copy of {@code state}'s arrays for its key; checks
     * everything before changing anything.
     */
    void restore(OptimizerState state, List<String> slotNames, List<Parameter> parameters) {
        if (!state.slots().equals(slotNames)) {
            throw new IllegalArgumentException(
                    "the state has slots " + state.slots() + "; this optimizer keeps " + slotNames);
        }
        for (Parameter p : parameters) {
            float[][] arrays = state.values().get(p.key());
            if (arrays == null) {
                throw new IllegalArgumentException("the state has nothing for " + p.key());
            }
            for (float[] array : arrays) {
                if (array.length != p.size()) {
                    throw new IllegalArgumentException("the state of " + p.key() + " has " + array.length
                            + " values per slot; the parameter has " + p.size());
                }
            }
        }
        for (Parameter p : parameters) {
            float[][] arrays = state.values().get(p.key());
            float[][] s = of(p);
            for (int slot = 0; slot < slots; slot++) {
                System.arraycopy(arrays[slot], 0, s[slot], 0, p.size());
            }
        }
    }

    private float[][] of(Parameter p) {
        float[][] s = state.get(p);
        if (s == null) {
            s = new float[slots][p.size()];
            state.put(p, s);
        }
        return s;
    }
}
