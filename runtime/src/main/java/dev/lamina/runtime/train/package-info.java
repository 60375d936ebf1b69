/**
 * Keras-style training of any model: mini-batches, shuffling, validation, metrics, progress,
 * history, checkpoints and early stopping.
 */
package dev.lamina.runtime.train;
