package dev.lamina.runtime.spec;

import java.util.Objects;

/** The training section of a model: its loss and optimizer. */
public record TrainingSpec(LossKind loss, OptimizerSpec optimizer) {
    public TrainingSpec {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
    }
}
