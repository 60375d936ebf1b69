package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slots of optimizer state, one float array per parameter and slot, created on first use. Steps
 * that pass the same parameter list as the last one find their state by index, without a lookup.
 * The slots can be copied out and back in by name ({@code slot/layer/param}) for a checkpoint.
 */
final class PerParameterState {
    private final List<String> names;
    private final float initial;
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();
    private List<Parameter> lastList;
    private float[][][] byIndex = new float[0][][];

    /** State with one slot per name, e.g. {@code m} and {@code v} for Adam, starting at zero. */
    PerParameterState(String... names) {
        this(0f, names);
    }

    /** State whose slots start at {@code initial} (Adagrad's initial accumulator value). */
    PerParameterState(float initial, String... names) {
        this.names = List.of(names);
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
            s = new float[names.size()][p.size()];
            if (initial != 0f) {
                for (float[] slot : s) {
                    Arrays.fill(slot, initial);
                }
            }
            state.put(p, s);
        }
        return s;
    }

    /** Copies of the slots of {@code parameters} that have state, named {@code slot/layer/param}. */
    Map<String, float[]> copy(List<Parameter> parameters) {
        Map<String, float[]> slots = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            float[][] s = state.get(p);
            if (s != null) {
                for (int i = 0; i < names.size(); i++) {
                    slots.put(names.get(i) + "/" + p.key(), s[i].clone());
                }
            }
        }
        return slots;
    }

    /**
     * Replaces every slot with copies of {@code slots} ({@link #copy}'s naming): each parameter
     * must have all of its slots, at its size, or none.
     *
     * @throws IllegalArgumentException when a slot is unknown, missing or of another size
     */
    void restore(List<Parameter> parameters, Map<String, float[]> slots) {
        Map<Parameter, float[][]> restored = new IdentityHashMap<>();
        int used = 0;
        for (Parameter p : parameters) {
            List<String> present = new ArrayList<>();
            float[][] s = new float[names.size()][];
            for (int i = 0; i < names.size(); i++) {
                String key = names.get(i) + "/" + p.key();
                float[] values = slots.get(key);
                if (values != null) {
                    if (values.length != p.size()) {
                        throw new IllegalArgumentException("optimizer slot " + key + " holds " + values.length
                                + " values; parameter " + p.key() + " has " + p.size());
                    }
                    s[i] = values.clone();
                    present.add(key);
                }
            }
            if (!present.isEmpty() && present.size() != names.size()) {
                throw new IllegalArgumentException(
                        "optimizer state of " + p.key() + " has " + present + " but needs the slots " + names);
            }
            if (!present.isEmpty()) {
                restored.put(p, s);
                used += present.size();
            }
        }
        if (used != slots.size()) {
            List<String> unknown = new ArrayList<>(slots.keySet());
            for (Parameter p : parameters) {
                for (String name : names) {
                    unknown.remove(name + "/" + p.key());
                }
            }
            throw new IllegalArgumentException("optimizer state has slots for no parameter of the model: " + unknown);
        }
        state.clear();
        state.putAll(restored);
        lastList = null;
    }
}
