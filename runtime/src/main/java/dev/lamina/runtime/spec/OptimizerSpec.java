package dev.lamina.runtime.spec;

import java.util.Locale;
import java.util.Objects;

/**
 * An optimizer and its hyper-parameters, with Keras 3's names and defaults. Every optimizer may
 * clip its gradients first ({@link Clipping}).
 */
public sealed interface OptimizerSpec {
    double learningRate();

    /** How gradients are clipped before each update; {@link Clipping#NONE} by default. */
    Clipping clipping();

    /**
     * Keras 3's gradient clipping ({@code optimizers/base_optimizer.py}), at most one kind per
     * optimizer: {@code clipnorm} scales each gradient tensor to a norm of at most {@code threshold},
     * {@code global_clipnorm} scales every tensor by the same factor so that their joint norm is at
     * most {@code threshold}, {@code clipvalue} clips each element to {@code [-threshold,
     * threshold]}.
     */
    record Clipping(Kind kind, double threshold) {
        /** No clipping. */
        public static final Clipping NONE = new Clipping(Kind.NONE, 0);

        /** The kinds, named by their Keras option. */
        public enum Kind {
            NONE,
            CLIPNORM,
            CLIPVALUE,
            GLOBAL_CLIPNORM;

            /** The Keras option, e.g. {@code global_clipnorm}. */
            public String kerasName() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public Clipping {
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.NONE ? threshold != 0 : !(threshold > 0)) {
                throw new IllegalArgumentException(
                        kind == Kind.NONE
                                ? "no clipping has no threshold"
                                : kind.kerasName() + " must be positive, got " + threshold);
            }
        }

        /** Clipping of kind {@code kind} at {@code threshold}. */
        public static Clipping of(Kind kind, double threshold) {
            return kind == Kind.NONE ? NONE : new Clipping(kind, threshold);
        }
    }

    /** {@code sgd}: plain, with momentum, or Nesterov momentum. */
    record Sgd(double learningRate, double momentum, boolean nesterov, Clipping clipping) implements OptimizerSpec {
        public static final double DEFAULT_LEARNING_RATE = 0.01;

        public Sgd {
            Objects.requireNonNull(clipping, "clipping");
        }

        public Sgd(double learningRate, double momentum, boolean nesterov) {
            this(learningRate, momentum, nesterov, Clipping.NONE);
        }
    }

    /** {@code adam} with bias correction folded into the step size. */
    record Adam(double learningRate, double beta1, double beta2, double epsilon, Clipping clipping)
            implements OptimizerSpec {
        public static final double DEFAULT_LEARNING_RATE = 0.001;
        public static final double DEFAULT_BETA_1 = 0.9;
        public static final double DEFAULT_BETA_2 = 0.999;
        public static final double DEFAULT_EPSILON = 1e-7;

        public Adam {
            Objects.requireNonNull(clipping, "clipping");
        }

        public Adam(double learningRate, double beta1, double beta2, double epsilon) {
            this(learningRate, beta1, beta2, epsilon, Clipping.NONE);
        }
    }

    /** {@code rmsprop} without momentum or centering. */
    record RmsProp(double learningRate, double rho, double epsilon, Clipping clipping) implements OptimizerSpec {
        public static final double DEFAULT_LEARNING_RATE = 0.001;
        public static final double DEFAULT_RHO = 0.9;
        public static final double DEFAULT_EPSILON = 1e-7;

        public RmsProp {
            Objects.requireNonNull(clipping, "clipping");
        }

        public RmsProp(double learningRate, double rho, double epsilon) {
            this(learningRate, rho, epsilon, Clipping.NONE);
        }
    }

    /**
     * {@code adamw}: Adam's update after decoupled weight decay, {@code w -= w * weight_decay *
     * learning_rate} on every trainable weight ({@code optimizers/adamw.py}).
     */
    record AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon, Clipping clipping)
            implements OptimizerSpec {
        public static final double DEFAULT_LEARNING_RATE = 0.001;
        public static final double DEFAULT_WEIGHT_DECAY = 0.004;

        public AdamW {
            Objects.requireNonNull(clipping, "clipping");
        }
    }

    /**
     * {@code adagrad}: {@code a += g^2; w -= lr * g / sqrt(a + epsilon)}, the accumulator starting at
     * {@code initial_accumulator_value} ({@code optimizers/adagrad.py}).
     */
    record Adagrad(double learningRate, double initialAccumulatorValue, double epsilon, Clipping clipping)
            implements OptimizerSpec {
        public static final double DEFAULT_LEARNING_RATE = 0.001;
        public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
        public static final double DEFAULT_EPSILON = 1e-7;

        public Adagrad {
            Objects.requireNonNull(clipping, "clipping");
        }
    }
}
