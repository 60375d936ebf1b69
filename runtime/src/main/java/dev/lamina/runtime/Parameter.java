package dev.lamina.runtime;

import dev.lamina.runtime.spec.Shape;
import java.util.Objects;

/**
 * One tensor of a layer in Keras's layout (e.g. a conv1d kernel is (kernel_size, in_channels,
 * filters)), flat in row-major order. A trainable parameter has the gradient of the last backward
 * pass; a non-trainable one (batch normalization's moving statistics) is saved and loaded with the
 * weights and changed only by training passes, never by an optimizer, and its gradient is empty.
 */
public final class Parameter {
    private final String layer;
    private final String name;
    private final Shape shape;
    private final Initializer initializer;
    private final boolean trainable;
    private final float[] value;
    private final float[] gradient;

    /** A trainable parameter. */
    public Parameter(String layer, String name, Shape shape, Initializer initializer) {
        this(layer, name, shape, initializer, true);
    }

    public Parameter(String layer, String name, Shape shape, Initializer initializer, boolean trainable) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.name = Objects.requireNonNull(name, "name");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.trainable = trainable;
        this.value = new float[shape.size()];
        this.gradient = new float[trainable ? shape.size() : 0];
    }

    private Parameter(Parameter master) {
        this.layer = master.layer;
        this.name = master.name;
        this.shape = master.shape;
        this.initializer = master.initializer;
        this.trainable = master.trainable;
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

    /**
     * The parameter's name within its layer: {@code kernel}, {@code bias}, {@code embeddings},
     * {@code gamma}, {@code beta}, {@code moving_mean}, {@code moving_variance}.
     */
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

    /** Whether an optimizer updates it from a gradient. */
    public boolean trainable() {
        return trainable;
    }

    public int size() {
        return value.length;
    }

    /** The live values: writes change the model. */
    public float[] value() {
        return value;
    }

    /** The live gradient of the last backward pass; empty for a non-trainable parameter. */
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
        return key() + " " + shape + (trainable ? "" : " (non-trainable)");
    }
}
