/**
 * The syntax tree of {@code .lamina} files: sealed records, each with its span, and a printer
 * back to canonical text.
 */
package dev.lamina.compiler.ast;
