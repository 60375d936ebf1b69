package dev.lamina.runtime.train;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.optim.OptimizerState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole state of a {@link Trainer#fit} run at the end of an epoch, enough to continue it so that
 * it ends with the same weights, bit for bit, as a run that was never interrupted: the settings that
 * must not change (model, loss, optimizer, data, batch size, split, seed, shuffling, early
 * stopping), the number of epochs done, the random-generator state (the seed of the stream the next
 * epoch draws its shuffle, dropout seed and successor from), the history so far, the weights, the
 * optimizer's state and early stopping's. Stored in one file, {@value #FILE_NAME} in a checkpoint
 * folder, replaced atomically ({@code docs/training.md} describes the format).
 */
public record Checkpoint(
        Map<String, String> settings,
        int epoch,
        long streamSeed,
        List<EpochResult> history,
        Map<String, NdArray> weights,
        OptimizerState optimizer,
        Optional<EarlyStopping.State> earlyStopping) {
    /** The checkpoint's file name in its folder. */
    public static final String FILE_NAME = "checkpoint.lmnc";

    public Checkpoint {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        history = List.copyOf(history);
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
    }

    /** The checkpoint file of a folder. */
    public static Path file(Path directory) {
        return directory.resolve(FILE_NAME);
    }

    /** Reads the checkpoint of {@code directory}. */
    public static Checkpoint read(Path directory) throws IOException {
        return CheckpointFile.read(file(directory));
    }

    /** Writes this checkpoint to {@code directory} (created if needed), replacing the last one atomically. */
    public void write(Path directory) throws IOException {
        CheckpointFile.write(file(directory), this);
    }

    /**
     * The settings of this checkpoint that differ from {@code current}, one line each, e.g. {@code
     * batch_size: 16 in the checkpoint, 32 now}; empty when the run may continue from it.
     */
    public List<String> differences(Map<String, String> current) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> s : settings.entrySet()) {
            String now = current.get(s.getKey());
            if (!s.getValue().equals(now)) {
                differences.add(s.getKey() + ": " + s.getValue() + " in the checkpoint, " + (now == null ? "none" : now)
                        + " now");
            }
        }
        for (Map.Entry<String, String> c : current.entrySet()) {
            if (!settings.containsKey(c.getKey())) {
                differences.add(c.getKey() + ": none in the checkpoint, " + c.getValue() + " now");
            }
        }
        return differences;
    }
}
