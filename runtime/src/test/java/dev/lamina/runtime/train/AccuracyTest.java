package dev.lamina.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.spec.LossKind;
import org.junit.jupiter.api.Test;

class AccuracyTest {
    @Test
    void categoricalComparesArgmaxesOfEachRow() {
        float[] prediction = {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f};
        float[] target = {0, 1, 0, 0, 0, 1};
        assertThat(Accuracy.correct(LossKind.CATEGORICAL_CROSSENTROPY, prediction, target, 6, 3))
                .isEqualTo(1);
        assertThat(Accuracy.judged(LossKind.CATEGORICAL_CROSSENTROPY, 6, 3)).isEqualTo(2);
    }

    @Test
    void sparseComparesTheArgmaxWithTheClassIndex() {
        float[] prediction = {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f};
        assertThat(Accuracy.correct(LossKind.SPARSE_CATEGORICAL_CROSSENTROPY, prediction, new float[] {1, 0}, 6, 3))
                .isEqualTo(2);
        assertThat(Accuracy.judged(LossKind.SPARSE_CATEGORICAL_CROSSENTROPY, 6, 3))
                .isEqualTo(2);
    }

    @Test
    void binaryThresholdsEveryValueAtOneHalf() {
        float[] prediction = {0.2f, 0.51f, 0.5f, 0.9f};
        float[] target = {0, 1, 1, 0};
        assertThat(Accuracy.correct(LossKind.BINARY_CROSSENTROPY, prediction, target, 4, 1))
                .isEqualTo(2);
        assertThat(Accuracy.judged(LossKind.BINARY_CROSSENTROPY, 4, 1)).isEqualTo(4);
    }

    @Test
    void appliesOnlyToClassifiers() {
        assertThat(Accuracy.appliesTo(LossKind.MSE)).isFalse();
        assertThat(Accuracy.appliesTo(LossKind.MAE)).isFalse();
        assertThat(Accuracy.appliesTo(LossKind.BINARY_CROSSENTROPY)).isTrue();
        assertThatThrownBy(() -> Accuracy.correct(LossKind.MSE, new float[1], new float[1], 1, 1))
                .hasMessage("accuracy does not apply to mse");
    }
}
