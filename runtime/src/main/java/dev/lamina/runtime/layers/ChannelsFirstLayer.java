package dev.lamina.runtime.layers;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.math.Layouts;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A channels_first sequence layer: its channels_last twin between a transpose of the input from
 * {@code (channels, steps)} to {@code (steps, channels)} and one of the output back (a global
 * pooling's output has no steps and is not transposed). The gradients go through the same
 * transposes in reverse; the twin owns the parameters, whose layout does not depend on the format.
 */
final class ChannelsFirstLayer extends UnaryLayer {
    private final UnaryLayer twin;
    private float[] x = new float[0];
    private float[] y = new float[0];
    private float[] dy = new float[0];
    private float[] dx = new float[0];
    private Shape twinInput;
    private Shape twinOutput;

    /** {@code twin} must be the layer of {@code spec.channelsLast()}. */
    ChannelsFirstLayer(LayerSpec.SequenceLayer spec, UnaryLayer twin) {
        super(spec);
        if (spec.dataFormat() != DataFormat.CHANNELS_FIRST) {
            throw new IllegalArgumentException(spec.name() + " is not channels_first");
        }
        this.twin = twin;
    }

    @Override
    public List<Parameter> parameters() {
        return twin.parameters();
    }

    @Override
    protected void resize() {
        twinInput = DataFormat.CHANNELS_FIRST.toChannelsLast(inputShape());
        twinOutput = twin.prepare(List.of(twinInput), batch());
        x = new float[inputCount()];
        dx = new float[inputCount()];
        y = new float[outputCount()];
        dy = new float[outputCount()];
    }

    private boolean transposesOutput() {
        return twinOutput.rank() == 2;
    }

    @Override
    public void forward(float[] input, float[] output, SplittableRandom dropout) {
        Layouts.transpose(input, x, batch(), twinInput.dim(1), twinInput.dim(0));
        twin.forward(x, y, dropout);
        if (transposesOutput()) {
            Layouts.transpose(y, output, batch(), twinOutput.dim(0), twinOutput.dim(1));
        } else {
            System.arraycopy(y, 0, output, 0, outputCount());
        }
    }

    @Override
    public void backward(float[] input, float[] output, float[] outputGradient, float[] inputGradient) {
        if (transposesOutput()) {
            Layouts.transpose(outputGradient, dy, batch(), twinOutput.dim(1), twinOutput.dim(0));
        } else {
            System.arraycopy(outputGradient, 0, dy, 0, outputCount());
        }
        twin.backward(x, y, dy, inputGradient == null ? null : dx);
        if (inputGradient != null) {
            Layouts.transpose(dx, inputGradient, batch(), twinInput.dim(0), twinInput.dim(1));
        }
    }
}
