package dev.lamina.runtime.spec;

/** An optimizer and its hyper-parameters, with Keras 3's names and defaults. */
public sealed interface OptimizerSpec {
    double learningRate();

    /** {@code sgd}: plain, with momentum, or Nesterov momentum. */
    record Sgd(double learningRate, double momentum, boolean nesterov) implements OptimizerSpec {
        public static final double DEFAULT_LEARNING_RATE = 0.01;
    }

    /** {@code adam} with bias correction folded into the step size. */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerSpec {
        public static final double DEFAULT_LEARNING_RATE = 0.001;
        public static final double DEFAULT_BETA_1 = 0.9;
        public static final double DEFAULT_BETA_2 = 0.999;
        public static final double DEFAULT_EPSILON = 1e-7;
    }

    /** {@code rmsprop} without momentum or centering. */
    record RmsProp(double learningRate, double rho, double epsilon) implements OptimizerSpec {
        public static final double DEFAULT_LEARNING_RATE = 0.001;
        public static final double DEFAULT_RHO = 0.9;
        public static final double DEFAULT_EPSILON = 1e-7;
    }
}
