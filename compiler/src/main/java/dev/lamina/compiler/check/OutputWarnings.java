package dev.lamina.compiler.check;

import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Warnings for the classic output mistakes: a loss that does not fit the last activation. */
final class OutputWarnings {
    private OutputWarnings() {}

    /** {@code output}: the name of the output tensor (a layer, or an input for a model without layers). */
    static void check(
            List<CheckedLayer> layers, String output, Optional<TrainingSpec> training, List<Diagnostic> sink) {
        for (CheckedLayer layer : layers) {
            Activation activation = activation(layer.spec());
            if (activation == Activation.SOFTMAX && layer.output().last() == 1) {
                sink.add(Diagnostic.of(
                        ErrorCode.SOFTMAX_SINGLE_UNIT,
                        layer.span(),
                        "use activation=sigmoid for one output unit, or give the layer one unit per class",
                        layer.name(),
                        layer.output()));
            }
        }
        Map<String, CheckedLayer> byName = new HashMap<>();
        layers.forEach(l -> byName.put(l.name(), l));
        CheckedLayer last = byName.get(output);
        if (training.isEmpty() || last == null) {
            return;
        }
        CheckedLayer outputLayer = outputLayer(last, byName);
        Activation activation = activation(outputLayer.spec());
        LossKind loss = training.get().loss();
        Span span = outputLayer.span();
        if ((loss == LossKind.CATEGORICAL_CROSSENTROPY || loss == LossKind.SPARSE_CATEGORICAL_CROSSENTROPY)
                && activation != Activation.SOFTMAX) {
            sink.add(Diagnostic.of(
                    ErrorCode.CROSSENTROPY_WITHOUT_SOFTMAX,
                    span,
                    "use activation=softmax on the last layer so it outputs class probabilities",
                    loss.kerasName(),
                    outputLayer.name(),
                    activation.kerasName()));
        }
        if (loss == LossKind.BINARY_CROSSENTROPY && activation != Activation.SIGMOID) {
            sink.add(Diagnostic.of(
                    ErrorCode.BINARY_CROSSENTROPY_WITHOUT_SIGMOID,
                    span,
                    "use activation=sigmoid on the last layer so it outputs probabilities in [0, 1]",
                    outputLayer.name(),
                    activation.kerasName()));
        }
    }

    /** The output layer, or the layer before it when it is a dropout (dropout passes its input through). */
    private static CheckedLayer outputLayer(CheckedLayer layer, Map<String, CheckedLayer> byName) {
        CheckedLayer current = layer;
        while (current.spec() instanceof LayerSpec.Dropout
                && byName.containsKey(current.inputs().get(0))) {
            current = byName.get(current.inputs().get(0));
        }
        return current;
    }

    /** The activation a layer applies to its output (linear for layers without one). */
    private static Activation activation(LayerSpec spec) {
        return spec.accept(new LayerSpec.Visitor<Activation>() {
            @Override
            public Activation conv1d(LayerSpec.Conv1D layer) {
                return layer.activation();
            }

            @Override
            public Activation dense(LayerSpec.Dense layer) {
                return layer.activation();
            }

            @Override
            public Activation activation(LayerSpec.ActivationLayer layer) {
                return layer.activation();
            }

            @Override
            public Activation pooling1d(LayerSpec.Pooling1D layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation globalPooling1d(LayerSpec.GlobalPooling1D layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation flatten(LayerSpec.Flatten layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation dropout(LayerSpec.Dropout layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation embedding(LayerSpec.Embedding layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation repeatVector(LayerSpec.RepeatVector layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation reshape(LayerSpec.Reshape layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation merge(LayerSpec.Merge layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation concatenate(LayerSpec.Concatenate layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation batchNormalization(LayerSpec.BatchNormalization layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation layerNormalization(LayerSpec.LayerNormalization layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation zeroPadding1d(LayerSpec.ZeroPadding1D layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation cropping1d(LayerSpec.Cropping1D layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation upSampling1d(LayerSpec.UpSampling1D layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation permute(LayerSpec.Permute layer) {
                return Activation.LINEAR;
            }

            @Override
            public Activation spatialDropout1d(LayerSpec.SpatialDropout1D layer) {
                return Activation.LINEAR;
            }
        });
    }
}
