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
    void fcnRecognisesHeldOutRecordingsWithItsMovingStatistics() {
        assertThat(FcnApp.trainAndTest(160, 3, false)).isGreaterThan(0.9);
    }

    @Test
    void theTimeSeriesBaselinesHaveTheirPublishedSizes() {
        assertThat(new Fcn(0).parameterCount()).isEqualTo(267_268L);
        assertThat(new Fcn(0).trainableParameterCount()).isEqualTo(266_244L);
        assertThat(new ResNet(0).parameterCount()).isEqualTo(507_652L);
        assertThat(new ResNet(0).trainableParameterCount()).isEqualTo(505_092L);
        InceptionTime inception = new InceptionTime(0);
        assertThat(inception.parameterCount()).isEqualTo(492_420L);
        assertThat(inception.trainableParameterCount()).isEqualTo(490_372L);
        assertThat(inception.predict(new float[2 * 511 * 2], 2)).hasSize(8);
    }

    @Test
    void theTextCnnLearnsTheSentimentRule() {
        assertThat(SentimentApp.trainAndTest(false)).isGreaterThan(0.9);
    }

    @Test
    void theTwoInputModelNeedsAndLearnsBothInputs() {
        assertThat(SideFeaturesApp.trainAndTest(false)).isGreaterThan(0.9);
    }

    @Test
    void theGraphSamplesHaveTheirShapes() {
        assertThat(new MultiKernelTextCnn(0).outputShape()).isEqualTo(dev.lamina.runtime.spec.Shape.of(1));
        assertThat(new MultiKernelTextCnn(0).parameterCount()).isEqualTo(2_714_201L);
        LabelHeads heads = new LabelHeads(0);
        assertThat(heads.outputShape()).isEqualTo(dev.lamina.runtime.spec.Shape.of(3));
        assertThat(heads.predict(new float[40], 2)).hasSize(6);
    }

    @Test
    void twoFiltersAreLearnedTogether() {
        TwoFilters model = new TwoFilters(0);
        float[] x = {0, 3, 4, 5};
        float[] y = {6, 12, 11, 25, 14, 32}; // filter 1 is [1, 2], filter 2 is [3, 4]
        for (int step = 0; step < 2000; step++) {
            model.trainStep(x, y, 1);
        }
        // Keras's kernel layout (kernel_size, channels, filters): [[1, 3], [2, 4]].
        assertThat(model.parameter("conv1d/kernel").value())
                .containsExactly(new float[] {1, 3, 2, 4}, org.assertj.core.api.Assertions.within(0.01f));
    }

    @Test
    void oneFilterSpansBothChannels() {
        TwoChannels model = new TwoChannels(0);
        float[] x = {0, 0, 3, 6, 4, 7, 5, 8}; // (4 steps, 2 channels)
        float[] y = {30, 57, 67}; // made by the kernel [[1, 3], [2, 4]]
        for (int step = 0; step < 300; step++) {
            model.trainStep(x, y, 1);
        }
        // Three equations for four weights: the fit is exact, the kernel need not be [[1, 3], [2, 4]].
        assertThat(model.predict(x, 1)).containsExactly(y, org.assertj.core.api.Assertions.within(0.5f));
    }

    @Test
    void sensorDataFilesHoldTheRecordingsAndOneHotLabels(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        SensorDataFiles.write(6, dir, 1, 0.2);
        dev.lamina.runtime.io.NdArray x = dev.lamina.runtime.io.Npy.read(dir.resolve("activity_x.npy"));
        dev.lamina.runtime.io.NdArray y = dev.lamina.runtime.io.Npy.read(dir.resolve("activity_y.npy"));
        assertThat(x.shape()).containsExactly(6, 511, 2);
        assertThat(x.data()).isEqualTo(SensorData.generate(6, 1).x());
        assertThat(y.shape()).containsExactly(6, 4);
        assertThat(java.util.Arrays.copyOfRange(y.data(), 4, 8)).containsExactly(0, 1, 0, 0);
    }

    @Test
    void sensorDataIsSeeded() {
        assertThat(SensorData.generate(8, 1).x())
                .isEqualTo(SensorData.generate(8, 1).x());
    }
}
