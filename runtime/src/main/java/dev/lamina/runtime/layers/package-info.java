/**
 * The interpreter's layers: forward and backward passes over flat, channels-last batches, one
 * class per layer kind.
 */
package dev.lamina.runtime.layers;
