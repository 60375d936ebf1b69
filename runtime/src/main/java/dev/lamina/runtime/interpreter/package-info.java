/**
 * The generic interpreter: runs any model graph with one interpreted layer per node, the
 * reference generated classes are compared with.
 */
package dev.lamina.runtime.interpreter;
