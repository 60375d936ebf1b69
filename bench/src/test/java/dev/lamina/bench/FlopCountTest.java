package dev.lamina.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.bench.FlopCount.Mode;
import org.junit.jupiter.api.Test;

class FlopCountTest {
    @Test
    void toyIsThreeStepsOfAKernelTwoFilter() {
        assertThat(FlopCount.forwardMultiplyAdds(BenchModel.TOY.spec())).isEqualTo(3 * 2);
        assertThat(FlopCount.flops(BenchModel.TOY.spec(), 1, Mode.FORWARD)).isEqualTo(12.0);
        assertThat(FlopCount.flops(BenchModel.TOY.spec(), 32, Mode.TRAIN_STEP)).isEqualTo(3 * 12.0 * 32);
    }

    @Test
    void seedLayerIs119StepsOfTenTapsNineChannelsHundredFilters() {
        assertThat(FlopCount.forwardMultiplyAdds(BenchModel.LAYER.spec())).isEqualTo(119L * 10 * 9 * 100);
    }

    @Test
    void activityCnnCountsItsFourConvolutionsAndTheDenseLayer() {
        long expected =
                502L * 10 * 2 * 100 + 493L * 10 * 100 * 100 + 155L * 10 * 100 * 160 + 146L * 10 * 160 * 160 + 160 * 4;
        assertThat(FlopCount.forwardMultiplyAdds(BenchModel.ACTIVITY_CNN.spec()))
                .isEqualTo(expected)
                .isEqualTo(112_480_640L);
        assertThat(BenchModel.ACTIVITY_CNN.spec().parameterCount()).isEqualTo(519_164L);
    }

    @Test
    void textCnnCountsTheSamePaddedConvolutionAndTheDenseLayerButNotTheLookup() {
        assertThat(FlopCount.forwardMultiplyAdds(BenchModel.TEXT_CNN.spec())).isEqualTo(50L * 5 * 300 * 100 + 100);
    }
}
