/**
 * Parses {@code .lamina} text with the ANTLR grammar; ANTLR types stay in this package.
 */
package dev.lamina.compiler.parse;
