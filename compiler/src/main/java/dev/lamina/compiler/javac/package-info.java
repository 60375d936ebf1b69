/**
 * Compiles generated sources in memory against the runtime and loads them.
 */
package dev.lamina.compiler.javac;
