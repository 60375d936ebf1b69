package dev.lamina.spark;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.train.EpochResult;
import java.util.List;

/**
 * The outcome of {@link LaminaTrainer#fit}: the trained model on the driver (its weights and its
 * optimizer's state), one result per epoch completed in this run, the step the run resumed at (0
 * when it started afresh) and the number of steps applied in all (those before a resume included).
 */
public record TrainingResult(Model model, List<EpochResult> history, long resumedAt, long steps) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
