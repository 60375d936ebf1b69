package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import java.util.IdentityHashMap;
import java.util.Map;

/** Slots of optimizer state, one float array per parameter and slot, created on first use. */
final class PerParameterState {
    private final int slots;
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();

    PerParameterState(int slots) {
        this.slots = slots;
    }

    float[][] of(Parameter p) {
        float[][] s = state.get(p);
        if (s == null) {
            s = new float[slots][p.size()];
            state.put(p, s);
        }
        return s;
    }
}
