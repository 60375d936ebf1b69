/**
 * The JavaPoet code generator: one specialized class per model, one writer per layer kind, scalar
 * and Vector API backends.
 */
package dev.lamina.compiler.codegen;
