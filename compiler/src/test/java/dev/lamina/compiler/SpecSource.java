package dev.lamina.compiler;

import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes a runtime {@link ModelSpec} (as read from the golden files) as {@code .lamina} source, one
 * layer per line from line 3, every option spelled out by its Keras name.
 */
final class SpecSource {
    /** The line of layer {@code index} in {@link #of}'s text. */
    static int lineOfLayer(int index) {
        return 3 + index;
    }

    /** Inverse of {@link #lineOfLayer}. */
    static int layerOfLine(int line) {
        return line - 3;
    }

    private SpecSource() {}

    static String of(String modelName, ModelSpec spec) {
        StringBuilder out = new StringBuilder();
        out.append("model ").append(modelName).append(" {\n");
        out.append("  input ").append(input(spec.input())).append('\n');
        for (LayerSpec layer : spec.layers()) {
            out.append("  ").append(layer(layer)).append('\n');
        }
        spec.training()
                .ifPresent(t -> out.append("  train { ").append(training(t)).append(" }\n"));
        return out.append("}\n").toString();
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
