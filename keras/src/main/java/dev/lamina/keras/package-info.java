/**
 * Keras import: {@link dev.lamina.keras.KerasImporter} turns a Keras model (legacy HDF5, Keras 3
 * {@code .keras} archive, or architecture JSON with weights) into a {@code .lamina} spec and Lamina
 * weights; {@link dev.lamina.keras.KerasWeights} loads Keras weights into a Lamina model. The
 * mapping of Keras layer classes to Lamina layers is one table, {@code LayerTable}. HDF5 is read
 * with jHDF (pure Java), zip archives with the JDK.
 */
package dev.lamina.keras;
