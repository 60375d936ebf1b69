/**
 * Lamina's weights format and atomic file writes.
 */
package dev.lamina.runtime.io;
