package dev.lamina.cli;

import dev.lamina.runtime.train.Checkpoint;
import dev.lamina.runtime.train.CheckpointFormatException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code train}'s checkpoints: {@code --checkpoint DIR [--checkpoint-every N]} and {@code --resume DIR}. */
final class CheckpointOptions {
    @Option(
            names = "--checkpoint",
            paramLabel = "DIR",
            description = "Keep a checkpoint of the training in DIR (created if needed): weights, optimizer"
                    + " state, epoch, random-generator state, early-stopping state and history, in one file"
                    + " replaced atomically.")
    Path directory;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            description = "With --checkpoint: write it after every N-th epoch and the last (default: 1).")
    Integer every;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description = "Continue the run whose checkpoint is in DIR, from its last epoch: give the same"
                    + " spec, data and options (--epochs may be raised); the weights end bit-identical to an"
                    + " uninterrupted run's. Add --checkpoint DIR to keep checkpointing.")
    Path resume;

    /** Checks the options; usage errors for {@code --checkpoint-every} alone or below 1. */
    void check(CommandLine commandLine) {
        if (every != null && directory == null) {
            throw new ParameterException(commandLine, "--checkpoint-every needs --checkpoint DIR");
        }
        if (every != null && every < 1) {
            throw new ParameterException(commandLine, "--checkpoint-every must be at least 1, got " + every);
        }
    }

    /** Epochs between checkpoints. */
    int every() {
        return every == null ? 1 : every;
    }

    /** Makes sure, before training, that the checkpoint folder exists and can be written. */
    void prepare() {
        if (directory != null) {
            FileErrors.checkWritableFolder("--checkpoint", directory);
        }
    }

    /** The checkpoint to resume from, read and checked for its format. */
    Optional<Checkpoint> read() {
        if (resume == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.read(resume));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    "--resume " + resume + ": no checkpoint there (" + Checkpoint.file(resume) + " does not exist)");
        } catch (CheckpointFormatException e) {
            throw new IllegalArgumentException("--resume " + resume + ": " + e.getMessage());
        } catch (IOException e) {
            throw FileErrors.of("--resume", resume, e);
        }
    }
}
