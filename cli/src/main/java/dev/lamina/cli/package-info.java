/**
 * The {@code lamina} command: check, summary, explain, compile, train, predict and their options,
 * with named exit codes.
 */
package dev.lamina.cli;
