package dev.lamina.cli;

import dev.lamina.runtime.train.ConsoleReporter;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code train --progress}: {@code bar} redraws a progress line during each epoch, {@code lines}
 * prints one plain line per epoch, {@code auto} (the default) picks {@code bar} when standard output
 * is a terminal and {@code lines} otherwise.
 */
enum ProgressMode {
    AUTO,
    BAR,
    LINES;

    static final String DESCRIPTION = "auto, bar or lines: bar redraws a progress line during each epoch (batches"
            + " done, time left, running loss and accuracy); lines prints one plain line per epoch; auto uses bar"
            + " when standard output is a terminal, else lines (default: auto).";

    /** Whether to draw the progress bar. */
    boolean bar() {
        return this == BAR || this == AUTO && ConsoleReporter.standardOutputIsTerminal();
    }

    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code --progress auto|bar|lines}; anything else is a usage error. */
    static final class Converter implements ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            for (ProgressMode mode : values()) {
                if (mode.optionName().equals(value)) {
                    return mode;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a progress mode; use auto, bar or lines");
        }
    }
}
