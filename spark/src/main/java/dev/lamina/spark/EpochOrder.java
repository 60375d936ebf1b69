package dev.lamina.spark;

import java.io.Serializable;

/**
 * The order in which an epoch visits the examples of a training set: example {@code index} (its
 * place in the data set's order, 0 to n-1) goes to {@link #position} of epoch {@code epoch}, and
 * global batch {@code b} of that epoch is positions {@code [b*batchSize, (b+1)*batchSize)}.
 *
 * <p>Shuffled, each epoch is a pseudo-random permutation that depends only on the number of
 * examples, the seed and the epoch, and is computed from the index alone (a keyed Feistel network
 * on the next power of four, walking cycles back into range), so every executor knows where its
 * rows go without a table, and a single JVM can rebuild the same batches with {@link #index}.
 * Unshuffled, position and index are equal.
 */
public final class EpochOrder implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int ROUNDS = 6;

    private final long examples;
    private final long seed;
    private final boolean shuffle;
    private final int halfBits;
    private final long halfMask;

    /**
     * The order of {@code examples} examples.
     *
     * @throws IllegalArgumentException when {@code examples} is not in {@code [1, 2^62]}
     */
    public EpochOrder(long examples, long seed, boolean shuffle) {
        if (examples < 1 || examples > 1L << 62) {
            throw new IllegalArgumentException("an epoch holds 1 to 2^62 examples, got " + examples);
        }
        this.examples = examples;
        this.seed = seed;
        this.shuffle = shuffle;
        int bits = 1;
        while (1L << (2 * bits) < examples) {
            bits++;
        }
        this.halfBits = bits;
        this.halfMask = (1L << bits) - 1;
    }

    /** The number of examples. */
    public long examples() {
        return examples;
    }

    /** Where example {@code index} is visited in epoch {@code epoch} (counting from 0). */
    public long position(int epoch, long index) {
        check(index, "index");
        if (!shuffle) {
            return index;
        }
        long[] keys = keys(epoch);
        long y = encrypt(index, keys);
        while (y >= examples) {
            y = encrypt(y, keys);
        }
        return y;
    }

    /** The example visited at {@code position} of epoch {@code epoch}: the inverse of {@link #position}. */
    public long index(int epoch, long position) {
        check(position, "position");
        if (!shuffle) {
            return position;
        }
        long[] keys = keys(epoch);
        long x = decrypt(position, keys);
        while (x >= examples) {
            x = decrypt(x, keys);
        }
        return x;
    }

    private void check(long value, String what) {
        if (value < 0 || value >= examples) {
            throw new IllegalArgumentException(what + " " + value + " is outside [0, " + examples + ")");
        }
    }

    private long[] keys(int epoch) {
        long[] keys = new long[ROUNDS];
        long base = mix(seed ^ mix(0x5eed_0f_e90c4L + epoch));
        for (int r = 0; r < ROUNDS; r++) {
            keys[r] = mix(base + (r + 1) * 0x9E3779B97F4A7C15L);
        }
        return keys;
    }

    private long encrypt(long x, long[] keys) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (long key : keys) {
            long next = left ^ (mix(right ^ key) & halfMask);
            left = right;
            right = next;
        }
        return left << halfBits | right;
    }

    private long decrypt(long y, long[] keys) {
        long left = y >>> halfBits;
        long right = y & halfMask;
        for (int r = keys.length - 1; r >= 0; r--) {
            long previous = right ^ (mix(left ^ keys[r]) & halfMask);
            right = left;
            left = previous;
        }
        return left << halfBits | right;
    }

    /** A 64-bit finalizer (the splitmix64 one): every input bit changes about half the output bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
