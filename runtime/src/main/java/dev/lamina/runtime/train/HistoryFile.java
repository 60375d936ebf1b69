package dev.lamina.runtime.train;

import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Keeps the history of a training run in a CSV file, rewritten atomically after every epoch (so an
 * interrupted run leaves the epochs it finished): a header, then one row per epoch, counting from 1,
 * with the mean training loss, and the accuracy, validation loss and validation accuracy when they
 * are measured, as Java writes doubles in full precision:
 *
 * <pre>
 * epoch,loss,accuracy,val_loss,val_accuracy
 * 1,1.3705...,0.3125,1.3421...,0.45
 * </pre>
 *
 * A run resumed from a checkpoint starts with the checkpoint's epochs.
 */
public final class HistoryFile implements TrainingListener {
    private static final List<Column> COLUMNS = List.of(
            new Column("accuracy", EpochResult::accuracy),
            new Column("val_loss", EpochResult::validationLoss),
            new Column("val_accuracy", EpochResult::validationAccuracy));

    private final Path file;
    private final List<EpochResult> rows = new ArrayList<>();

    private record Column(String name, Function<EpochResult, OptionalDouble> value) {}

    public HistoryFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public void onTrainBegin(List<EpochResult> history) {
        rows.clear();
        rows.addAll(history);
        write();
    }

    @Override
    public void onEpochEnd(EpochResult result) {
        rows.add(result);
        write();
    }

    /** The CSV text of {@code history}; the optional columns are those its first epoch measured. */
    public static String csv(List<EpochResult> history) {
        List<Column> columns = history.isEmpty()
                ? List.of()
                : COLUMNS.stream()
                        .filter(c -> c.value().apply(history.get(0)).isPresent())
                        .toList();
        StringBuilder text = new StringBuilder("epoch,loss");
        columns.forEach(c -> text.append(',').append(c.name()));
        text.append('\n');
        for (EpochResult r : history) {
            text.append(r.epoch()).append(',').append(r.loss());
            for (Column c : columns) {
                text.append(',');
                c.value().apply(r).ifPresent(text::append);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private void write() {
        try {
            AtomicFiles.write(file, csv(rows).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file + ": " + e.getMessage(), e);
        }
    }
}
