/**
 * Reading and writing examples: NumPy {@code .npy} and CSV files as flat arrays with a shape.
 */
package dev.lamina.runtime.data;
