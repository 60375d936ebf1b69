/**
 * The checker: binds arguments with Keras's defaults, resolves the graph's tensors, infers every
 * shape and parameter count with Keras's rules, and reports each problem with its position and a
 * fix.
 */
package dev.lamina.compiler.check;
