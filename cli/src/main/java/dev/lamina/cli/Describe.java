package dev.lamina.cli;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.StringJoiner;

/** How {@code train} shows an optimizer and a model's weights. */
final class Describe {
    /** {@code --show-weights} prints the values only for models at most this big. */
    static final int MAX_SHOWN_VALUES = 32;

    private Describe() {}

    /** {@code adam(learning_rate=0.05)}, {@code sgd(learning_rate=0.01, momentum=0.9, nesterov=true)}. */
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
        } else {
            name = "rmsprop";
        }
        return name + args;
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
