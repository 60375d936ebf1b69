package dev.lamina.runtime;

import dev.lamina.runtime.spec.Shape;
import java.util.Objects;

/**
 * One trainable tensor of a layer in Keras's layout (e.g. a conv1d kernel is (kernel_size,
 * in_channels, filters)), flat in row-major order, with the gradient of the last backward pass.
 */
public final class Parameter {
    private final String layer;
    private final String name;
    private final Shape shape;
    private final Initializer initializer;
    private final float[] value;
    private final float[] gradient;

    public Parameter(String layer, String name, Shape shape, Initializer initializer) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.name = Objects.requireNonNull(name, "name");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.value = new float[shape.size()];
        this.gradient = new float[shape.size()];
    }

    private Parameter(Parameter master) {
        this.layer = master.layer;
        this.name = master.name;
        this.shape = master.shape;
        this.initializer = master.initializer;
        this.value = master.value;
        this.gradient = new float[master.gradient.length];
    }

    /**
     * A parameter that shares this one's value array (writes to either are seen by both) but has its
     * own gradient: what a model replica that runs one shard of a batch uses.
     */
    public Parameter sharingValue() {
        return new Parameter(this);
    }

    /** The owning layer's name, e.g. {@code conv1d_1}. */
    public String layer() {
        return layer;
    }

    /** The parameter's name within its layer: {@code kernel}, {@code bias} or {@code embeddings}. */
    public String name() {
        return name;
    }

    /** {@code layer/name}, e.g. {@code conv1d_1/kernel}: unique within a model. */
    public String key() {
        return layer + "/" + name;
    }

    public Shape shape() {
        return shape;
    }

    public Initializer initializer() {
        return initializer;
    }

    public int size() {
        return value.length;
    }

    /** The live values: writes change the model. */
    public float[] value() {
        return value;
    }

    /** The live gradient of the last backward pass. */
    public float[] gradient() {
        return gradient;
    }

    /** Copies {@code values} into this parameter after checking the length. */
    public void set(float[] values) {
        if (values.length != value.length) {
            throw new IllegalArgumentException(
                    key() + " has shape " + shape + " (" + value.length + " values), got " + values.length);
        }
        System.arraycopy(values, 0, value, 0, value.length);
    }

    @Override
    public String toString() {
        return key() + " " + shape;
    }
}
