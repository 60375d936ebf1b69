/**
 * The model API every engine implements ({@link dev.lamina.runtime.Model}), the shared base of
 * engines ({@link dev.lamina.runtime.AbstractModel}: loss, optimizer, input checks, batch
 * sharding over threads), parameters and their initializers.
 */
package dev.lamina.runtime;
