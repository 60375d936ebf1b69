package dev.lamina.runtime.spec;

import java.util.Locale;

/**
 * The layout of a sequence per example, Keras's {@code data_format}: {@code channels_last} is
 * {@code (steps, channels)} (Keras's default, and Lamina's everywhere else), {@code channels_first}
 * is {@code (channels, steps)} (PyTorch's layout). Conv1d and the pooling layers take either; every
 * engine runs a channels_first layer as its channels_last twin between two transposes ({@link
 * LayerSpec.SequenceLayer#channelsLast()}).
 */
public enum DataFormat {
    CHANNELS_LAST,
    CHANNELS_FIRST;

    /** The Keras spelling: {@code channels_last}, {@code channels_first}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DataFormat fromKerasName(String name) {
        for (DataFormat f : values()) {
            if (f.kerasName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown data_format '" + name + "'");
    }

    /** The axis of a rank-2 example that holds the steps: 0, or 1 for channels_first. */
    public int stepsAxis() {
        return this == CHANNELS_LAST ? 0 : 1;
    }

    /** The axis of a rank-2 example that holds the channels: 1, or 0 for channels_first. */
    public int channelsAxis() {
        return 1 - stepsAxis();
    }

    /** The shape of {@code steps} steps of {@code channels} channels in this layout. */
    public Shape sequence(int steps, int channels) {
        return this == CHANNELS_LAST ? Shape.of(steps, channels) : Shape.of(channels, steps);
    }

    /** A rank-2 shape in this layout as channels_last: itself, or its two axes swapped. */
    public Shape toChannelsLast(Shape shape) {
        if (shape.rank() != 2 || this == CHANNELS_LAST) {
            return shape;
        }
        return Shape.of(shape.dim(1), shape.dim(0));
    }

    /** How the layout reads: {@code (steps, channels)} or {@code (channels, steps)}. */
    public String axesText() {
        return this == CHANNELS_LAST ? "(steps, channels)" : "(channels, steps)";
    }
}
