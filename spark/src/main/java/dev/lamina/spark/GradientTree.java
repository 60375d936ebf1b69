package dev.lamina.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sum of the shard gradients of one global batch over a fixed binary tree: the shards {@code
 * [0, n)} are halved recursively ({@code [lo, hi)} into {@code [lo, mid)} and {@code [mid, hi)},
 * {@code mid = (lo + hi) / 2}), and a node is the sum of its two children. Partial trees from
 * different tasks merge in any order and grouping, and a node is added the moment both its
 * children are known, so the root is the same float sum, bit for bit, however the shards were
 * spread over partitions and however Spark combined the partial results.
 */
final class GradientTree implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int leaves;
    /** Complete subtrees not yet combined, by {@code lo << 32 | hi}. */
    private final Map<Long, Node> partials = new HashMap<>();

    /** A complete subtree's gradient sum and (weighted) loss sum. */
    record Node(float[] gradient, double loss) implements Serializable {}

    GradientTree(int leaves) {
        if (leaves < 1) {
            throw new IllegalArgumentException("a batch has at least one shard, got " + leaves);
        }
        this.leaves = leaves;
    }

    /** Adds shard {@code leaf}'s gradient and loss (this tree takes the array). */
    void add(int leaf, float[] gradient, double loss) {
        insert(leaf, leaf + 1, new Node(gradient, loss));
    }

    /** Adds every partial of {@code other} (same shard count) to this tree. */
    void merge(GradientTree other) {
        if (other.leaves != leaves) {
            throw new IllegalArgumentException("cannot merge trees of " + leaves + " and " + other.leaves + " shards");
        }
        for (Map.Entry<Long, Node> e : other.partials.entrySet()) {
            long key = e.getKey();
            insert((int) (key >>> 32), (int) key, e.getValue());
        }
    }

    /** Whether every shard has been added. */
    boolean complete() {
        return partials.containsKey(key(0, leaves));
    }

    /** The sum over all shards. */
    Node root() {
        Node root = partials.get(key(0, leaves));
        if (root == null) {
            throw new IllegalStateException("shards " + missing() + " of " + leaves + " are missing");
        }
        return root;
    }

    /** The shards not added yet. */
    List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int leaf = 0; leaf < leaves; leaf++) {
            if (!covered(leaf)) {
                missing.add(leaf);
            }
        }
        return missing;
    }

    private boolean covered(int leaf) {
        for (long key : partials.keySet()) {
            if ((int) (key >>> 32) <= leaf && leaf < (int) key) {
                return true;
            }
        }
        return false;
    }

    private void insert(int lo, int hi, Node node) {
        while (true) {
            if (partials.containsKey(key(lo, hi))) {
                throw new IllegalStateException("shards [" + lo + ", " + hi + ") were added twice");
            }
            if (lo == 0 && hi == leaves) {
                partials.put(key(lo, hi), node);
                return;
            }
            int a = 0;
            int b = leaves;
            int mid = (a + b) >>> 1;
            while (!(lo == a && hi == mid) && !(lo == mid && hi == b)) {
                if (hi <= mid) {
                    b = mid;
                } else {
                    a = mid;
                }
                mid = (a + b) >>> 1;
            }
            boolean left = lo == a;
            long siblingKey = left ? key(mid, b) : key(a, mid);
            Node sibling = partials.remove(siblingKey);
            if (sibling == null) {
                partials.put(key(lo, hi), node);
                return;
            }
            node = left ? sum(node, sibling) : sum(sibling, node);
            lo = a;
            hi = b;
        }
    }

    /** {@code left + right}, element by element, into {@code left}'s array. */
    private static Node sum(Node left, Node right) {
        float[] g = left.gradient();
        float[] h = right.gradient();
        for (int i = 0; i < g.length; i++) {
            g[i] += h[i];
        }
        return new Node(g, left.loss() + right.loss());
    }

    private static long key(int lo, int hi) {
        return (long) lo << 32 | hi;
    }
}
