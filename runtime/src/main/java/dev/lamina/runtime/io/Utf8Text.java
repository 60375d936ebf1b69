package dev.lamina.runtime.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads UTF-8 text strictly: a byte sequence that is not UTF-8 is an {@link InvalidUtf8Exception}
 * naming its byte offset, line and column (not the JDK's bare "Input length = 1"), and a leading
 * byte-order mark, which some editors write, is dropped.
 */
public final class Utf8Text {
    /** U+FEFF, the byte-order mark ({@code EF BB BF} in UTF-8). */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final int CHUNK = 1 << 16;

    private Utf8Text() {}

    /** The text of {@code file} without a leading byte-order mark. */
    public static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /** {@code bytes} decoded, without a leading byte-order mark. */
    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        StringBuilder text = new StringBuilder(bytes.length);
        try {
            scan(new ByteArrayInputStream(bytes), text);
        } catch (InvalidUtf8Exception e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
        return withoutByteOrderMark(text.toString());
    }

    /**
     * Reads {@code in} to its end and throws where it stops being UTF-8; for locating the problem
     * after a streaming reader failed with the JDK's unlocated {@code MalformedInputException}.
     */
    public static void check(InputStream in) throws IOException {
        scan(in, null);
    }

    /** {@code text} without its leading byte-order mark, if it has one. */
    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** Decodes {@code in} in chunks into {@code text} (when not null), counting lines and columns. */
    private static void scan(InputStream in, StringBuilder text) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        Position position = new Position();
        long start = 0; // the offset of bytes[0] in the input
        while (true) {
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            boolean end = read < 0;
            if (read > 0) {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
            CoderResult result;
            do {
                chars.clear();
                result = decoder.decode(bytes, chars, end);
                chars.flip();
                position.advance(chars, text);
                if (result.isError()) {
                    byte[] bad = new byte[result.length()];
                    bytes.get(bytes.position(), bad);
                    throw new InvalidUtf8Exception(start + bytes.position(), position.line, position.column, bad);
                }
            } while (result.isOverflow());
            if (end) {
                return;
            }
            start += bytes.position();
            bytes.compact();
        }
    }

    /** The line and column after the characters seen so far. */
    private static final class Position {
        int line = 1;
        int column = 1;
        boolean afterCarriageReturn;
        boolean atStart = true;

        void advance(CharBuffer chars, StringBuilder text) {
            if (text != null) {
                text.append(chars);
            }
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n') {
                    if (!afterCarriageReturn) {
                        line++;
                    }
                    column = 1;
                } else if (c == '\r') {
                    line++;
                    column = 1;
                } else if (!Character.isLowSurrogate(c) && !(atStart && c == BYTE_ORDER_MARK)) {
                    column++;
                }
                afterCarriageReturn = c == '\r';
                atStart = false;
            }
        }
    }
}
