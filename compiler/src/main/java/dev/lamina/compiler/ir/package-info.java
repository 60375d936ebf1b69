/**
 * The checked graph IR: nodes with their shapes, parameter counts, derivations and spans, and its
 * lowering to the runtime spec.
 */
package dev.lamina.compiler.ir;
