package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientTreeTest {
    /** Values whose float sum depends on the order of the additions. */
    private static final float[] SHARD_VALUES = {1f, 1e8f, -1e8f, 1f, 0.5f, 1e8f, -1e8f, 1f};

    @Test
    void theSumIsTheFixedTreeWhateverTheGrouping() {
        float expected = ((SHARD_VALUES[0] + SHARD_VALUES[1]) + (SHARD_VALUES[2] + SHARD_VALUES[3]))
                + ((SHARD_VALUES[4] + SHARD_VALUES[5]) + (SHARD_VALUES[6] + SHARD_VALUES[7]));
        float sequential = 0;
        for (float v : SHARD_VALUES) {
            sequential += v;
        }
        assertThat(expected).isZero(); // each 1 is lost next to 1e8
        assertThat(sequential).isEqualTo(1f); // the grouping matters for these values
        Random random = new Random(1);
        for (int trial = 0; trial < 50; trial++) {
            List<Integer> shards = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
            Collections.shuffle(shards, random);
            // Spread the shards over 1 to 8 partial trees, then merge those in a random order.
            int parts = 1 + random.nextInt(8);
            List<GradientTree> partials = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                partials.add(new GradientTree(8));
            }
            for (int s : shards) {
                partials.get(random.nextInt(parts)).add(s, new float[] {SHARD_VALUES[s]}, s);
            }
            Collections.shuffle(partials, random);
            GradientTree total = partials.get(0);
            for (int p = 1; p < parts; p++) {
                total.merge(partials.get(p));
            }
            assertThat(total.complete()).isTrue();
            assertThat(total.root().gradient()[0]).isEqualTo(expected);
            assertThat(total.root().loss()).isEqualTo(28.0);
        }
    }

    @Test
    void unevenCountsHalveTheRange() {
        GradientTree tree = new GradientTree(3);
        tree.add(2, new float[] {SHARD_VALUES[2]}, 0);
        tree.add(0, new float[] {SHARD_VALUES[0]}, 0);
        assertThat(tree.complete()).isFalse();
        assertThat(tree.missing()).containsExactly(1);
        tree.add(1, new float[] {SHARD_VALUES[1]}, 0);
        // [0, 3) = [0, 1) + [1, 3), and [1, 3) = [1, 2) + [2, 3).
        assertThat(tree.root().gradient()[0]).isEqualTo(SHARD_VALUES[0] + (SHARD_VALUES[1] + SHARD_VALUES[2]));
    }

    @Test
    void aShardAddedTwiceIsAnError() {
        GradientTree tree = new GradientTree(4);
        tree.add(1, new float[1], 0);
        assertThatThrownBy(() -> tree.add(1, new float[1], 0)).hasMessage("shards [1, 2) were added twice");
        assertThatThrownBy(() -> new GradientTree(4).root()).hasMessage("shards [0, 1, 2, 3] of 4 are missing");
    }
}
