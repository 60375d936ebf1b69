package dev.lamina.spark;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.train.EpochResult;
import java.util.List;

/**
 * The outcome of {@link LaminaTrainer#fit}: the trained model on the driver (its weights and its
 * optimizer's state), one result per epoch completed in this run, and the number of steps applied
 * in all (those before a resume included).
 */
public record TrainingResult(Model model, List<EpochResult> history, long steps) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
