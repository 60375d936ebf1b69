package dev.lamina.runtime.spec;

/** Whether a pooling layer takes the maximum or the average of its window. */
public enum PoolKind {
    MAX,
    AVERAGE
}
