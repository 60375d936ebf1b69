/**
 * JMH benchmarks of generated classes, the interpreter and the PyTorch peer, with their targets
 * and summaries.
 */
package dev.lamina.bench;
