package dev.lamina.runtime.io;

import java.io.IOException;

/**
 * A weights file that cannot be used: corrupt, truncated, or not matching the model (the message
 * then lists every missing, unexpected and mis-shaped tensor).
 */
public final class WeightsFormatException extends IOException {
    public WeightsFormatException(String message) {
        super(message);
    }
}
