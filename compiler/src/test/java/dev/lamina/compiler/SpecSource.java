package dev.lamina.compiler;

import dev.lamina.runtime.golden.GoldenModel;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
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
        boolean named = !model.isSequential();
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
        }
        return layer.typeName() + "(" + name + ")";
    }

    private static String training(TrainingSpec training) {
        return "loss " + training.loss().kerasName() + "; optimizer " + optimizer(training.optimizer());
    }

    private static String optimizer(OptimizerSpec optimizer) {
        if (optimizer instanceof OptimizerSpec.Sgd s) {
            return "sgd(learning_rate=" + s.learningRate() + ", momentum=" + s.momentum() + ", nesterov=" + s.nesterov()
                    + ")";
        } else if (optimizer instanceof OptimizerSpec.Adam a) {
            return "adam(learning_rate=" + a.learningRate() + ", beta_1=" + a.beta1() + ", beta_2=" + a.beta2()
                    + ", epsilon=" + a.epsilon() + ")";
        }
        OptimizerSpec.RmsProp r = (OptimizerSpec.RmsProp) optimizer;
        return "rmsprop(learning_rate=" + r.learningRate() + ", rho=" + r.rho() + ", epsilon=" + r.epsilon() + ")";
    }
}
