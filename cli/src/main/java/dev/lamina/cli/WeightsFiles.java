package dev.lamina.cli;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.ModelWeights;
import dev.lamina.runtime.io.WeightsFormatException;
import java.io.IOException;
import java.nio.file.Path;

/** Loads and saves weights for a command, turning I/O failures into one-line messages. */
final class WeightsFiles {
    private WeightsFiles() {}

    /** Loads {@code --weights FILE}; a file for another model is refused with the list of differences. */
    static void load(Model model, Path file) {
        try {
            ModelWeights.load(model, file);
        } catch (WeightsFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (IOException e) {
            throw FileErrors.of("--weights", file, e);
        }
    }

    /** Saves the weights to {@code file}, replacing it atomically. */
    static void save(Model model, Path file) {
        try {
            ModelWeights.save(model, file);
        } catch (IOException e) {
            throw FileErrors.of("cannot save the weights to", file, e);
        }
    }
}
