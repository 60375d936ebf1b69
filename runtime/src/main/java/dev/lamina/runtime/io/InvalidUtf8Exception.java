package dev.lamina.runtime.io;

import java.io.IOException;

/**
 * Text that is not valid UTF-8: where the first bad byte sequence starts, as a byte offset from 0
 * and as a line and column from 1 ({@code \n}, {@code \r\n} and a lone {@code \r} each end a
 * line; columns count characters), and its bytes.
 */
public final class InvalidUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int line;
    private final int column;

    InvalidUtf8Exception(long offset, int line, int column, byte[] bad) {
        super("not valid UTF-8: " + describe(bad) + " at byte offset " + offset + " (line " + line + ", column "
                + column + ")");
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** The byte offset, from 0, of the first byte that is not UTF-8. */
    public long offset() {
        return offset;
    }

    /** The line, from 1, of that byte. */
    public int line() {
        return line;
    }

    /** The column, from 1, of that byte: the characters before it on its line, plus 1. */
    public int column() {
        return column;
    }

    private static String describe(byte[] bad) {
        StringBuilder s = new StringBuilder(bad.length == 1 ? "byte" : "bytes");
        for (byte b : bad) {
            s.append(String.format(" 0x%02X", b & 0xff));
        }
        return s.toString();
    }
}
