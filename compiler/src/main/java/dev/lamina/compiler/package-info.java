/**
 * The front end as a pipeline of stages ({@link dev.lamina.compiler.LaminaCompiler}): parse,
 * syntax tree, check, graph IR, runtime spec, and the one entry point from checked models to
 * generated sources.
 */
package dev.lamina.compiler;
