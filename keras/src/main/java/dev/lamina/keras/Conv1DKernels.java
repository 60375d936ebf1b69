package dev.lamina.keras;

import dev.lamina.runtime.io.NdArray;

/**
 * Theano computes a true convolution, TensorFlow (and Lamina) a cross-correlation: a Conv1D kernel
 * saved by Keras on the Theano backend is reversed along its steps to give the same outputs, as
 * Keras itself does when it loads such a file on another backend.
 */
final class Conv1DKernels {
    /** The backend name Keras records for Theano. */
    static final String THEANO = "theano";

    private Conv1DKernels() {}

    /** The kernel (kernel_size, in_channels, filters) with its steps in reverse order. */
    static NdArray flipSteps(NdArray kernel) {
        int[] shape = kernel.shape();
        if (shape.length != 3) {
            return kernel;
        }
        int steps = shape[0];
        int stride = shape[1] * shape[2];
        float[] source = kernel.data();
        float[] flipped = new float[source.length];
        for (int k = 0; k < steps; k++) {
            System.arraycopy(source, (steps - 1 - k) * stride, flipped, k * stride, stride);
        }
        return new NdArray(shape, flipped);
    }
}
