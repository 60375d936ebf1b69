/**
 * Lamina models on Apache Spark: {@link dev.lamina.spark.LaminaScorer} adds a prediction column to a
 * data set, {@link dev.lamina.spark.LaminaTrainer} trains a model data-parallel with results that do
 * not depend on the cluster's shape, and {@link dev.lamina.spark.ModelSource} says where the
 * executors get the model from. A model's inputs are array columns, one per input in declaration
 * order.
 */
package dev.lamina.spark;
