package dev.lamina.runtime.train;

import java.io.IOException;

/** A checkpoint file that cannot be used: not a checkpoint, corrupt, truncated or of another version. */
public final class CheckpointFormatException extends IOException {
    public CheckpointFormatException(String message) {
        super(message);
    }
}
