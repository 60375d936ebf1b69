package dev.lamina.runtime.train;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.ModelWeights;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.WeightsFormatException;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Stops {@link Trainer#fit} when a monitored quantity has stopped improving, with the rule of Keras
 * 3's {@code EarlyStopping} callback ({@code min_delta=0}, {@code mode="auto"}, no baseline, no
 * warm-up): after each epoch the wait count grows by one; an epoch whose value beats the best so far
 * (strictly lower for a loss, strictly higher for an accuracy; NaN never does) becomes the best and
 * resets the wait to 0; otherwise training stops once the wait reaches {@code patience}, never after
 * the first epoch. With {@code restoreBest}, the weights of the best epoch (or of the first epoch,
 * when none improved) are put back when training ends, whether it stopped early or ran all its
 * epochs, as Keras 3 does.
 *
 * <p>An instance keeps its state across one {@code fit} and reports the outcome afterwards: {@link
 * #stoppedEpoch()}, {@link #bestEpoch()} and {@link #restored()}.
 */
public final class EarlyStopping {
    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBest;
    private State state;
    private boolean restored;

    /**
     * What early stopping has seen so far, enough to continue after a checkpoint: the best value and
     * its epoch (0 before the first monitored epoch), the epochs waited since (the wait count), the epoch training stopped at
     * (0 while it runs) and, with {@code restoreBest}, the best weights (else empty).
     */
    public record State(double best, int bestEpoch, int waited, int stoppedEpoch, Map<String, NdArray> bestWeights) {
        public State {
            bestWeights = Map.copyOf(bestWeights);
        }
    }

    public EarlyStopping(Monitor monitor, int patience, boolean restoreBest) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be at least 0, got " + patience);
        }
        this.patience = patience;
        this.restoreBest = restoreBest;
        this.state = initial();
    }

    public Monitor monitor() {
        return monitor;
    }

    public int patience() {
        return patience;
    }

    public boolean restoreBest() {
        return restoreBest;
    }

    /** E.g. {@code val_loss, patience 3, restore best}: what a checkpoint records of this setting. */
    public String describe() {
        return monitor.kerasName() + ", patience " + patience + (restoreBest ? ", restore best" : "");
    }

    /** The epoch training stopped at, empty when it ran all its epochs. */
    public OptionalInt stoppedEpoch() {
        return state.stoppedEpoch() == 0 ? OptionalInt.empty() : OptionalInt.of(state.stoppedEpoch());
    }

    /** The epoch with the best value so far (counting from 1; 0 before any). */
    public int bestEpoch() {
        return state.bestEpoch();
    }

    /** The best value so far (infinite before any). */
    public double best() {
        return state.best();
    }

    /** Whether the end of training put the best epoch's weights back. */
    public boolean restored() {
        return restored;
    }

    /** A copy of the state, for a checkpoint. */
    public State state() {
        return state;
    }

    /** Starts a run: fresh state, or {@code resumed} from a checkpoint. */
    void begin(State resumed) {
        state = resumed == null ? initial() : resumed;
        restored = false;
    }

    /**
     * Takes the result of an epoch (its weights are the model's): returns whether training stops.
     *
     * @throws IllegalArgumentException when the epoch did not measure the monitored quantity
     */
    boolean update(EpochResult result, Model model) {
        double current = monitor.of(result)
                .orElseThrow(() -> new IllegalArgumentException("early stopping monitors " + monitor.kerasName()
                        + ", which epoch " + result.epoch() + " did not measure"));
        Map<String, NdArray> bestWeights = state.bestWeights();
        int bestEpoch = state.bestEpoch();
        if (restoreBest && bestWeights.isEmpty()) {
            bestWeights = ModelWeights.tensors(model);
            bestEpoch = result.epoch();
        }
        int wait = state.waited() + 1;
        if (monitor.higherIsBetter() ? current > state.best() : current < state.best()) {
            state = new State(current, result.epoch(), 0, 0, restoreBest ? ModelWeights.tensors(model) : Map.of());
            return false;
        }
        boolean stop = wait >= patience && result.epoch() > 1;
        state = new State(state.best(), bestEpoch, wait, stop ? result.epoch() : 0, bestWeights);
        return stop;
    }

    /** At the end of training: puts the best weights back when asked to. */
    void end(Model model) {
        if (restoreBest && !state.bestWeights().isEmpty()) {
            try {
                ModelWeights.set(model, state.bestWeights(), "the best epoch's weights");
            } catch (WeightsFormatException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            restored = true;
        }
    }

    private State initial() {
        return new State(
                monitor.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, 0, 0, 0, Map.of());
    }
}
