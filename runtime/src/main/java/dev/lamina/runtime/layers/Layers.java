package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/** Creates the interpreted layer of a {@link LayerSpec}. */
public final class Layers {
    private Layers() {}

    /**
     * The layer for {@code spec} taking per-example inputs of shapes {@code inputs} (the steps may
     * be unknown; the dimensions that size parameters must be known). A channels_first layer is its
     * channels_last twin between two transposes ({@link ChannelsFirstLayer}).
     */
    public static Layer create(LayerSpec spec, List<Shape> inputs) {
        if (spec instanceof LayerSpec.SequenceLayer sequence && sequence.dataFormat() == DataFormat.CHANNELS_FIRST) {
            Shape twinInput = DataFormat.CHANNELS_FIRST.toChannelsLast(inputs.get(0));
            return new ChannelsFirstLayer(sequence, (UnaryLayer) create(sequence.channelsLast(), List.of(twinInput)));
        }
        return spec.accept(new LayerSpec.Visitor<Layer>() {
            @Override
            public Layer conv1d(LayerSpec.Conv1D layer) {
                return new Conv1DLayer(layer, inputs.get(0));
            }

            @Override
            public Layer dense(LayerSpec.Dense layer) {
                return new DenseLayer(layer, inputs.get(0));
            }

            @Override
            public Layer pooling1d(LayerSpec.Pooling1D layer) {
                return new Pooling1DLayer(layer);
            }

            @Override
            public Layer globalPooling1d(LayerSpec.GlobalPooling1D layer) {
                return new GlobalPooling1DLayer(layer);
            }

            @Override
            public Layer flatten(LayerSpec.Flatten layer) {
                return new ReshapeLayer(layer);
            }

            @Override
            public Layer dropout(LayerSpec.Dropout layer) {
                return new DropoutLayer(layer);
            }

            @Override
            public Layer activation(LayerSpec.ActivationLayer layer) {
                return new ActivationLayer(layer);
            }

            @Override
            public Layer embedding(LayerSpec.Embedding layer) {
                return new EmbeddingLayer(layer);
            }

            @Override
            public Layer repeatVector(LayerSpec.RepeatVector layer) {
                return new RepeatVectorLayer(layer);
            }

            @Override
            public Layer reshape(LayerSpec.Reshape layer) {
                return new ReshapeLayer(layer);
            }

            @Override
            public Layer merge(LayerSpec.Merge layer) {
                return new MergeLayer(layer);
            }

            @Override
            public Layer concatenate(LayerSpec.Concatenate layer) {
                return new ConcatenateLayer(layer);
            }

            @Override
            public Layer batchNormalization(LayerSpec.BatchNormalization layer) {
                return new BatchNormalizationLayer(layer, inputs.get(0));
            }

            @Override
            public Layer layerNormalization(LayerSpec.LayerNormalization layer) {
                return new LayerNormalizationLayer(layer, inputs.get(0));
            }

            @Override
            public Layer zeroPadding1d(LayerSpec.ZeroPadding1D layer) {
                return new StepsLayer(layer);
            }

            @Override
            public Layer cropping1d(LayerSpec.Cropping1D layer) {
                return new StepsLayer(layer);
            }

            @Override
            public Layer upSampling1d(LayerSpec.UpSampling1D layer) {
                return new UpSampling1DLayer(layer);
            }

            @Override
            public Layer permute(LayerSpec.Permute layer) {
                return new PermuteLayer(layer);
            }

            @Override
            public Layer spatialDropout1d(LayerSpec.SpatialDropout1D layer) {
                return new SpatialDropout1DLayer(layer);
            }
        });
    }
}
