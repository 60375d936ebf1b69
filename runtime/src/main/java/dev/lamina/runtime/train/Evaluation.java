package dev.lamina.runtime.train;

import java.util.OptionalDouble;

/** The mean loss over some examples, and the accuracy when the loss is a classifier's. */
public record Evaluation(double loss, OptionalDouble accuracy) {}
