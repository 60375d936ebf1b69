package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EpochOrderTest {
    @Test
    void eachEpochIsAPermutationAndIndexInvertsPosition() {
        for (long n : new long[] {1, 2, 3, 5, 16, 17, 1000, 4097}) {
            EpochOrder order = new EpochOrder(n, 42, true);
            for (int epoch = 0; epoch < 3; epoch++) {
                boolean[] seen = new boolean[(int) n];
                for (long i = 0; i < n; i++) {
                    long p = order.position(epoch, i);
                    assertThat(p).isBetween(0L, n - 1);
                    assertThat(seen[(int) p])
                            .as("n=%d epoch %d: position %d twice", n, epoch, p)
                            .isFalse();
                    seen[(int) p] = true;
                    assertThat(order.index(epoch, p)).isEqualTo(i);
                }
            }
        }
    }

    @Test
    void theOrderDependsOnTheSeedAndTheEpochOnly() {
        long[] first = positions(new EpochOrder(1000, 7, true), 0);
        assertThat(positions(new EpochOrder(1000, 7, true), 0)).containsExactly(first);
        assertThat(positions(new EpochOrder(1000, 7, true), 1)).isNotEqualTo(first);
        assertThat(positions(new EpochOrder(1000, 8, true), 0)).isNotEqualTo(first);
        // Shuffled means shuffled: few examples keep their place.
        long fixed = 0;
        for (int i = 0; i < first.length; i++) {
            fixed += first[i] == i ? 1 : 0;
        }
        assertThat(fixed).isLessThan(10);
        assertThat(Arrays.stream(first).limit(5)).containsExactly(first[0], first[1], first[2], first[3], first[4]);
    }

    @Test
    void unshuffledPositionsAreIndexes() {
        EpochOrder order = new EpochOrder(10, 3, false);
        for (long i = 0; i < 10; i++) {
            assertThat(order.position(4, i)).isEqualTo(i);
            assertThat(order.index(4, i)).isEqualTo(i);
        }
    }

    @Test
    void outOfRangeIsRefused() {
        EpochOrder order = new EpochOrder(10, 3, true);
        assertThatThrownBy(() -> order.position(0, 10)).hasMessage("index 10 is outside [0, 10)");
        assertThatThrownBy(() -> order.index(0, -1)).hasMessage("position -1 is outside [0, 10)");
        assertThatThrownBy(() -> new EpochOrder(0, 1, true)).hasMessage("an epoch holds 1 to 2^62 examples, got 0");
    }

    private static long[] positions(EpochOrder order, int epoch) {
        long[] p = new long[(int) order.examples()];
        for (int i = 0; i < p.length; i++) {
            p[i] = order.position(epoch, i);
        }
        return p;
    }
}
