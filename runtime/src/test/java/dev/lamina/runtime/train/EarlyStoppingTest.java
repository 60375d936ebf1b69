package dev.lamina.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Keras 3's EarlyStopping rule, epoch by epoch, and through {@link Trainer#fit}. */
class EarlyStoppingTest {
    private final Model model = new Interpreter(
            ModelSpec.sequential(
                    "one",
                    new InputSpec(Shape.of(1), false),
                    List.of(new LayerSpec.Dense("d", 1, false, Activation.LINEAR)),
                    Optional.of(new TrainingSpec(LossKind.MSE, new OptimizerSpec.Sgd(0, 0, false)))),
            1);

    /** Feeds the losses (or other values) epoch by epoch, the model's kernel set to the epoch number. */
    private List<Boolean> run(EarlyStopping rule, Monitor monitor, double... values) {
        rule.begin(null);
        List<Boolean> stops = new ArrayList<>();
        for (int e = 1; e <= values.length; e++) {
            model.parameter("d/kernel").set(new float[] {e});
            stops.add(rule.update(result(e, values.length, monitor, values[e - 1]), model));
            if (stops.get(stops.size() - 1)) {
                break;
            }
        }
        rule.end(model);
        return stops;
    }

    private static EpochResult result(int epoch, int epochs, Monitor monitor, double value) {
        OptionalDouble v = OptionalDouble.of(value);
        OptionalDouble none = OptionalDouble.empty();
        return switch (monitor) {
            case LOSS -> new EpochResult(epoch, epochs, value, none, none, none, 0);
            case VAL_LOSS -> new EpochResult(epoch, epochs, 1, none, v, none, 0);
            case ACCURACY -> new EpochResult(epoch, epochs, 1, v, none, none, 0);
            case VAL_ACCURACY -> new EpochResult(epoch, epochs, 1, OptionalDouble.of(0), OptionalDouble.of(1), v, 0);
        };
    }

    private float kernel() {
        return model.parameter("d/kernel").value()[0];
    }

    @Test
    void stopsWhenTheWaitReachesThePatienceCountingFromTheBestEpoch() {
        EarlyStopping rule = new EarlyStopping(Monitor.VAL_LOSS, 2, false);
        assertThat(run(rule, Monitor.VAL_LOSS, 1.0, 0.8, 0.9, 0.85, 0.1)).containsExactly(false, false, false, true);
        assertThat(rule.stoppedEpoch()).hasValue(4);
        assertThat(rule.bestEpoch()).isEqualTo(2);
        assertThat(rule.best()).isEqualTo(0.8);
        assertThat(rule.restored()).isFalse();
        assertThat(kernel()).isEqualTo(4f); // the last epoch's weights are kept
    }

    @Test
    void anEqualValueIsNoImprovementAndAccuraciesMustRise() {
        EarlyStopping rule = new EarlyStopping(Monitor.VAL_ACCURACY, 1, false);
        assertThat(run(rule, Monitor.VAL_ACCURACY, 0.5, 0.75, 0.75, 0.9)).containsExactly(false, false, true);
        assertThat(rule.stoppedEpoch()).hasValue(3);
        assertThat(rule.bestEpoch()).isEqualTo(2);
    }

    @Test
    void neverStopsAfterTheFirstEpochAndNaNNeverImproves() {
        EarlyStopping rule = new EarlyStopping(Monitor.LOSS, 0, true);
        assertThat(run(rule, Monitor.LOSS, Double.NaN, 0.5, Double.NaN)).containsExactly(false, false, true);
        assertThat(rule.stoppedEpoch()).hasValue(3);
        assertThat(rule.bestEpoch()).isEqualTo(2);
        assertThat(rule.restored()).isTrue();
        assertThat(kernel()).isEqualTo(2f);
    }

    @Test
    void restoresTheFirstEpochWhenNoneImproved() {
        EarlyStopping rule = new EarlyStopping(Monitor.LOSS, 1, true);
        assertThat(run(rule, Monitor.LOSS, Double.NaN, Double.NaN)).containsExactly(false, true);
        assertThat(rule.bestEpoch()).isEqualTo(1);
        assertThat(kernel()).isEqualTo(1f);
    }

    /** Keras 3 restores the best weights at the end of training even when it did not stop early. */
    @Test
    void restoresTheBestWeightsWhenTrainingRunsAllItsEpochs() {
        EarlyStopping rule = new EarlyStopping(Monitor.ACCURACY, 5, true);
        assertThat(run(rule, Monitor.ACCURACY, 0.2, 0.9, 0.5, 0.6)).containsOnly(false);
        assertThat(rule.stoppedEpoch()).isEmpty();
        assertThat(rule.restored()).isTrue();
        assertThat(rule.bestEpoch()).isEqualTo(2);
        assertThat(kernel()).isEqualTo(2f);
    }

    @Test
    void stopsTheTrainerAndReportsTheEpochs() {
        float[] x = {1, 2, 3, 4};
        float[] y = {1, 1, 1, 1};
        EarlyStopping rule = new EarlyStopping(Monitor.LOSS, 0, false);
        List<EpochResult> history = new Trainer()
                .earlyStopping(rule)
                .fit(model, x, y, 4, TrainingOptions.defaults().withEpochs(10).withShuffle(false));
        // SGD with a learning rate of 0 never changes the loss: epoch 2 does not improve on epoch 1
        assertThat(history).hasSize(2);
        assertThat(history.get(1).loss()).isEqualTo(history.get(0).loss());
        assertThat(rule.stoppedEpoch()).hasValue(2);
        assertThat(rule.bestEpoch()).isEqualTo(1);
    }

    @Test
    void refusesToMonitorWhatIsNotMeasured() {
        float[] x = {1, 2, 3, 4};
        float[] y = {1, 1, 1, 1};
        TrainingOptions options = TrainingOptions.defaults().withEpochs(2);
        assertThatThrownBy(() -> new Trainer()
                        .earlyStopping(new EarlyStopping(Monitor.VAL_LOSS, 1, false))
                        .fit(model, x, y, 4, options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("early stopping monitors val_loss, which needs validation examples: set a validation"
                        + " split, or monitor loss");
        assertThatThrownBy(() -> new Trainer()
                        .earlyStopping(new EarlyStopping(Monitor.VAL_ACCURACY, 1, false))
                        .fit(model, x, y, 4, options.withValidationSplit(0.25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("early stopping monitors val_accuracy, which is measured for classifiers only (binary,"
                        + " categorical or sparse categorical crossentropy); monitor val_loss");
        assertThat(model.optimizer().iterations()).isZero();
    }
}
