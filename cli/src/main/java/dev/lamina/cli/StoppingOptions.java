package dev.lamina.cli;

import dev.lamina.runtime.train.EarlyStopping;
import dev.lamina.runtime.train.Monitor;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** {@code train}'s early stopping: {@code --early-stopping PATIENCE [--monitor M] [--restore-best]}. */
final class StoppingOptions {
    @Option(
            names = "--early-stopping",
            paramLabel = "PATIENCE",
            description = "Stop when the --monitor quantity has not improved for PATIENCE epochs (Keras's"
                    + " EarlyStopping: any improvement counts, never after the first epoch).")
    Integer patience;

    @Option(
            names = "--monitor",
            paramLabel = "QUANTITY",
            converter = MonitorConverter.class,
            description = "What --early-stopping watches: val_loss (the default; needs --validation-split),"
                    + " loss, val_accuracy or accuracy (classifiers). Losses must fall, accuracies rise.")
    Monitor monitor;

    @Option(
            names = "--restore-best",
            description = "With --early-stopping: end with the weights of the best epoch instead of the last,"
                    + " whether training stopped early or not (Keras 3's restore_best_weights).")
    boolean restoreBest;

    /** The rule asked for, if any; usage errors for options that need {@code --early-stopping} or a split. */
    Optional<EarlyStopping> rule(CommandLine commandLine, double validationSplit) {
        if (patience == null) {
            if (monitor != null || restoreBest) {
                throw new ParameterException(
                        commandLine, (monitor != null ? "--monitor" : "--restore-best") + " needs --early-stopping");
            }
            return Optional.empty();
        }
        if (patience < 0) {
            throw new ParameterException(commandLine, "--early-stopping must be at least 0, got " + patience);
        }
        Monitor watched = monitor == null ? Monitor.VAL_LOSS : monitor;
        if (watched.needsValidation() && validationSplit == 0) {
            throw new ParameterException(
                    commandLine,
                    "--early-stopping watches " + watched.kerasName() + (monitor == null ? " by default" : "")
                            + ", which needs a --validation-split; set one, or use --monitor "
                            + (watched.needsAccuracy() ? "accuracy" : "loss"));
        }
        return Optional.of(new EarlyStopping(watched, patience, restoreBest));
    }

    /** Parses {@code --monitor}; an unknown quantity is a usage error. */
    static final class MonitorConverter implements ITypeConverter<Monitor> {
        @Override
        public Monitor convert(String value) {
            try {
                return Monitor.named(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
