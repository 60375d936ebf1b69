/**
 * Runnable examples: {@link dev.lamina.spark.example.ActivityExample} trains and scores the activity
 * CNN on synthetic sensor recordings, {@link dev.lamina.spark.example.ScalingRun} measures its
 * throughput on a Spark master.
 */
package dev.lamina.spark.example;
