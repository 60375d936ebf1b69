package dev.lamina.runtime.train;

import java.util.OptionalDouble;

/**
 * Where an epoch stands after a mini-batch: the batch (counting from 1) of {@code batches}, and the
 * epoch's running mean loss and, for a classifier, running accuracy over the examples seen so far.
 */
public record BatchProgress(int epoch, int epochs, int batch, int batches, double loss, OptionalDouble accuracy) {}
