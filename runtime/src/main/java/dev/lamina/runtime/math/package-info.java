/**
 * Scalar functions whose exact form every engine shares (sigmoid, elu, softplus, gelu).
 */
package dev.lamina.runtime.math;
