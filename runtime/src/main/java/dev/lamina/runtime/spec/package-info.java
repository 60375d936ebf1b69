/**
 * The checked model as every engine runs it: a graph of named inputs and layer nodes ({@link
 * dev.lamina.runtime.spec.ModelSpec}), the layer kinds ({@link
 * dev.lamina.runtime.spec.LayerSpec}) and the one place each Keras shape rule is written ({@link
 * dev.lamina.runtime.spec.WindowRule}, {@link dev.lamina.runtime.spec.MergeRule}).
 */
package dev.lamina.runtime.spec;
