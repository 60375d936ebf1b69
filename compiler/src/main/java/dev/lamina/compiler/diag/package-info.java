/**
 * Diagnostics as data: error codes with stable ids and message templates, positions, hints, and
 * their rendering with the source line and a caret.
 */
package dev.lamina.compiler.diag;
