package dev.lamina.runtime.train;

import dev.lamina.runtime.spec.LossKind;

/**
 * Keras's accuracy for each classification loss: categorical compares argmaxes of the last axis,
 * sparse compares the argmax with the class index, binary thresholds every value at 0.5.
 */
public final class Accuracy {
    private Accuracy() {}

    /** Whether the loss trains a classifier, so accuracy is reported. */
    public static boolean appliesTo(LossKind loss) {
        return loss == LossKind.BINARY_CROSSENTROPY
                || loss == LossKind.CATEGORICAL_CROSSENTROPY
                || loss == LossKind.SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    /** Number of predictions judged by {@link #correct} for {@code count} outputs. */
    public static int judged(LossKind loss, int count, int lastAxis) {
        return loss == LossKind.BINARY_CROSSENTROPY ? count : count / lastAxis;
    }

    /** Number of correct predictions among {@code count} outputs. */
    public static int correct(LossKind loss, float[] prediction, float[] target, int count, int lastAxis) {
        int correct = 0;
        switch (loss) {
            case BINARY_CROSSENTROPY -> {
                for (int i = 0; i < count; i++) {
                    if ((prediction[i] > 0.5f) == (target[i] > 0.5f)) {
                        correct++;
                    }
                }
            }
            case CATEGORICAL_CROSSENTROPY -> {
                for (int o = 0; o < count; o += lastAxis) {
                    if (argmax(prediction, o, lastAxis) == argmax(target, o, lastAxis)) {
                        correct++;
                    }
                }
            }
            case SPARSE_CATEGORICAL_CROSSENTROPY -> {
                for (int o = 0, row = 0; o < count; o += lastAxis, row++) {
                    if (argmax(prediction, o, lastAxis) == (int) target[row]) {
                        correct++;
                    }
                }
            }
            default -> throw new IllegalArgumentException("accuracy does not apply to " + loss.kerasName());
        }
        return correct;
    }

    private static int argmax(float[] values, int offset, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
