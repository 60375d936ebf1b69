package dev.lamina.spark;

import java.io.Serializable;

/** Called on the executor before a shard's gradient is computed; the tests use it to kill tasks. */
@FunctionalInterface
interface ShardHook extends Serializable {
    /** Before shard {@code shard} of global step {@code step} (counting from 0 over the whole run). */
    void beforeShard(long step, int shard);
}
