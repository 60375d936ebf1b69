/**
 * Keras's losses reduced by the mean, with their gradients.
 */
package dev.lamina.runtime.loss;
