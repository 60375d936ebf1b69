package dev.lamina.runtime.io;

import java.io.IOException;

/** A data file that cannot be read: the message names the file and what is wrong with it. */
public final class DataFormatException extends IOException {
    public DataFormatException(String message) {
        super(message);
    }
}
