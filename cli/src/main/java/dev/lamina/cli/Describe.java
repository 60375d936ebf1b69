package dev.lamina.cli;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.loss.Huber;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.TrainingSpec;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.StringJoiner;

/** How {@code train} shows an optimizer and a model's weights. */
final class Describe {
    /** {@code --show-weights} prints the values only for models at most this big. */
    static final int MAX_SHOWN_VALUES = 32;

    private Describe() {}

    /**
     * {@code adam(learning_rate=0.05)}, {@code sgd(learning_rate=0.01, momentum=0.9, nesterov=true)},
     * {@code adamw(learning_rate=0.001, weight_decay=0.004, clipnorm=1)}: the learning rate, the
     * options that set the kind of update, and the clipping.
     */
    static String optimizer(OptimizerSpec optimizer) {
        StringJoiner args = new StringJoiner(", ", "(", ")");
        args.add("learning_rate=" + number(optimizer.learningRate()));
        String name;
        if (optimizer instanceof OptimizerSpec.Sgd sgd) {
            name = "sgd";
            if (sgd.momentum() != 0) {
                args.add("momentum=" + number(sgd.momentum()));
            }
            if (sgd.nesterov()) {
                args.add("nesterov=true");
            }
        } else if (optimizer instanceof OptimizerSpec.Adam) {
            name = "adam";
        } else if (optimizer instanceof OptimizerSpec.AdamW adamw) {
            name = "adamw";
            args.add("weight_decay=" + number(adamw.weightDecay()));
        } else if (optimizer instanceof OptimizerSpec.Adagrad) {
            name = "adagrad";
        } else {
            name = "rmsprop";
        }
        if (optimizer.clipping().kind() != OptimizerSpec.Clipping.Kind.NONE) {
            args.add(optimizer.clipping().kind().kerasName() + "="
                    + number(optimizer.clipping().threshold()));
        }
        return name + args;
    }

    /** {@code mse}, or {@code huber(delta=0.5)} for a huber loss whose delta is not Keras's default. */
    static String loss(Loss loss) {
        if (loss instanceof Huber huber && huber.delta() != TrainingSpec.DEFAULT_HUBER_DELTA) {
            return "huber(delta=" + number(huber.delta()) + ")";
        }
        return loss.kind().kerasName();
    }

    /** Whether {@link #weights} prints values for this model. */
    static boolean weightsShown(Model model) {
        return model.parameterCount() <= MAX_SHOWN_VALUES;
    }

    /** One line per parameter: {@code   conv1d/kernel (2, 1, 1): [1.0180, 2.0170]}. */
    static void weights(Model model, PrintWriter out) {
        for (Parameter p : model.parameters()) {
            StringJoiner values = new StringJoiner(", ", "[", "]");
            for (float v : p.value()) {
                values.add(String.format(Locale.ROOT, "%.4f", v));
            }
            out.println("  " + p.key() + " " + p.shape() + ": " + values);
        }
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
