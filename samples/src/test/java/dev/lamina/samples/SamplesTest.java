package dev.lamina.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void theToyLearnsTheNotebooksFilter() {
        float[] kernel = ToyApp.train(200, false);
        assertThat(kernel[0]).isCloseTo(1f, org.assertj.core.api.Assertions.within(0.05f));
        assertThat(kernel[1]).isCloseTo(2f, org.assertj.core.api.Assertions.within(0.05f));
    }

    @Test
    void theActivityCnnRecognisesHeldOutRecordings() {
        assertThat(ActivityApp.trainAndTest(160, 3, false)).isGreaterThan(0.9);
    }

    @Test
    void theTextCnnLearnsTheSentimentRule() {
        assertThat(SentimentApp.trainAndTest(false)).isGreaterThan(0.9);
    }

    @Test
    void sensorDataIsSeeded() {
        assertThat(SensorData.generate(8, 1).x())
                .isEqualTo(SensorData.generate(8, 1).x());
    }
}
