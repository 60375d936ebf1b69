package dev.lamina.compiler;

import dev.lamina.runtime.golden.GoldenModel;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a golden model as {@code .lamina} source: its inputs (named when the model has several,
 * or names them), then one statement per layer, every option spelled out by its Keras name. A
 * layer that names its inputs reads them ({@code a -> dense(...)}, {@code [a, b] -> add(...)});
 * one that does not reads the previous statement's value; a layer some later layer reads is bound
 * to its own name.
 */
final class SpecSource {
    /** The source text and the line of its first layer statement. */
    record Rendered(String text, int firstLayerLine) {
        /** The index of the layer whose statement is on {@code line}. */
        int layerOfLine(int line) {
            return line - firstLayerLine;
        }
    }

    private SpecSource() {}

    static Rendered of(String modelName, GoldenModel model) {
        StringBuilder out = new StringBuilder();
        out.append("model ").append(modelName).append(" {\n");
        boolean named = !model.isSequential() || !model.inputs().get(0).name().equals(InputSpec.DEFAULT_NAME);
        for (InputSpec input : model.inputs()) {
            out.append("  input ")
                    .append(named ? input.name() + " " : "")
                    .append(input(input))
                    .append('\n');
        }
        Set<String> read = new HashSet<>();
        model.layers().forEach(l -> read.addAll(l.inputs()));
        for (GoldenModel.Layer layer : model.layers()) {
            out.append("  ");
            String name = layer.spec().name();
            if (read.contains(name)) {
                out.append(name).append(" = ");
            }
            if (layer.inputs().size() == 1 && !layer.spec().isMerge()) {
                out.append(layer.inputs().get(0)).append(" -> ");
            } else if (!layer.inputs().isEmpty()) {
                out.append('[').append(String.join(", ", layer.inputs())).append("] -> ");
            }
            out.append(layer(layer.spec())).append('\n');
        }
        model.training()
                .ifPresent(t -> out.append("  train { ").append(training(t)).append(" }\n"));
        return new Rendered(out.append("}\n").toString(), 2 + model.inputs().size());
    }

    private static String input(InputSpec input) {
        String dims = Arrays.stream(input.shape().dims())
                .mapToObj(d -> d == Shape.UNKNOWN ? "None" : Integer.toString(d))
                .collect(Collectors.joining(", ", "[", "]"));
        return input.integerIds() ? dims + " int" : dims;
    }

    private static String layer(LayerSpec layer) {
        String name = "name=" + layer.name();
        if (layer instanceof LayerSpec.Conv1D c) {
            return "conv1d(filters=" + c.filters() + ", kernel_size=" + c.kernelSize() + ", strides=" + c.strides()
                    + ", padding=" + c.padding().kerasName() + ", dilation_rate=" + c.dilationRate() + ", use_bias="
                    + c.useBias() + ", activation=" + c.activation().kerasName() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.Dense d) {
            return "dense(units=" + d.units() + ", use_bias=" + d.useBias() + ", activation="
                    + d.activation().kerasName() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.Pooling1D p) {
            return p.typeName() + "(pool_size=" + p.poolSize() + ", strides=" + p.strides() + ", padding="
                    + p.padding().kerasName() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.Dropout d) {
            return "dropout(rate=" + d.rate() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.ActivationLayer a) {
            return "activation(" + a.activation().kerasName() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.Embedding e) {
            return "embedding(input_dim=" + e.inputDim() + ", output_dim=" + e.outputDim() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.RepeatVector r) {
            return "repeat_vector(n=" + r.n() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.Reshape r) {
            return "reshape(target_shape=" + r.targetShape() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.Concatenate c) {
            return "concatenate(axis=" + c.axis() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.BatchNormalization b) {
            return "batch_normalization(momentum=" + b.momentum() + ", epsilon=" + b.epsilon() + ", center="
                    + b.center() + ", scale=" + b.scale() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.LayerNormalization l) {
            return "layer_normalization(epsilon=" + l.epsilon() + ", center=" + l.center() + ", scale=" + l.scale()
                    + ", " + name + ")";
        } else if (layer instanceof LayerSpec.ZeroPadding1D z) {
            return "zero_padding1d(padding=[" + z.left() + ", " + z.right() + "], " + name + ")";
        } else if (layer instanceof LayerSpec.Cropping1D c) {
            return "cropping1d(cropping=[" + c.left() + ", " + c.right() + "], " + name + ")";
        } else if (layer instanceof LayerSpec.UpSampling1D u) {
            return "up_sampling1d(size=" + u.size() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.Permute p) {
            return "permute(dims=" + p.dims() + ", " + name + ")";
        } else if (layer instanceof LayerSpec.SpatialDropout1D d) {
            return "spatial_dropout1d(rate=" + d.rate() + ", " + name + ")";
        }
        return layer.typeName() + "(" + name + ")";
    }

    private static String training(TrainingSpec training) {
        String loss = training.loss() == LossKind.HUBER
                ? "huber(delta=" + training.huberDelta() + ")"
                : training.loss().kerasName();
        return "loss " + loss + "; optimizer " + optimizer(training.optimizer());
    }

    private static String optimizer(OptimizerSpec optimizer) {
        String clipping = optimizer.clipping().kind() == OptimizerSpec.Clipping.Kind.NONE
                ? ""
                : ", " + optimizer.clipping().kind().kerasName() + "="
                        + optimizer.clipping().threshold();
        if (optimizer instanceof OptimizerSpec.Sgd s) {
            return "sgd(learning_rate=" + s.learningRate() + ", momentum=" + s.momentum() + ", nesterov=" + s.nesterov()
                    + clipping + ")";
        } else if (optimizer instanceof OptimizerSpec.Adam a) {
            return "adam(learning_rate=" + a.learningRate() + ", beta_1=" + a.beta1() + ", beta_2=" + a.beta2()
                    + ", epsilon=" + a.epsilon() + clipping + ")";
        } else if (optimizer instanceof OptimizerSpec.AdamW w) {
            return "adamw(learning_rate=" + w.learningRate() + ", weight_decay=" + w.weightDecay() + ", beta_1="
                    + w.beta1() + ", beta_2=" + w.beta2() + ", epsilon=" + w.epsilon() + clipping + ")";
        } else if (optimizer instanceof OptimizerSpec.Adagrad a) {
            return "adagrad(learning_rate=" + a.learningRate() + ", initial_accumulator_value="
                    + a.initialAccumulatorValue() + ", epsilon=" + a.epsilon() + clipping + ")";
        }
        OptimizerSpec.RmsProp r = (OptimizerSpec.RmsProp) optimizer;
        return "rmsprop(learning_rate=" + r.learningRate() + ", rho=" + r.rho() + ", epsilon=" + r.epsilon() + clipping
                + ")";
    }
}
