package dev.lamina.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-memory byte pipe any thread may write to (unlike {@link java.io.PipedInputStream}, which
 * fails once the thread that last wrote ends). Closing the write end ends the read end's stream.
 */
final class Pipe {
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
            chunks.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                chunks.add(Arrays.copyOfRange(b, off, off + len));
            }
        }

        @Override
        public void close() {
            chunks.add(END);
        }
    };

    final InputStream in = new InputStream() {
        private byte[] current = new byte[0];
        private int position;

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (len == 0) {
                return 0;
            }
            if (current == END) {
                return -1;
            }
            while (position == current.length) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
                position = 0;
                if (current == END) {
                    return -1;
                }
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    };
}
