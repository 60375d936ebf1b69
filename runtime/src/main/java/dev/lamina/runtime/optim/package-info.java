/**
 * Keras 3's optimizers (SGD, Adam, RMSprop) and their per-parameter state.
 */
package dev.lamina.runtime.optim;
