package dev.lamina.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.bench.FlopCount.Mode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static Measurement row(String engine, int threads, Mode mode, double ns) {
        return new Measurement("activity_cnn", 32, mode, engine, threads, ns, Optional.empty());
    }

    @Test
    void steadyRowsReplaceTheRowsTheyMeasureAgainAndKeepTheOthers() {
        List<Measurement> quick = List.of(
                row("vector", 1, Mode.TRAIN_STEP, 160e6),
                row("vector", 2, Mode.TRAIN_STEP, 95e6),
                row("vector", 1, Mode.FORWARD, 58e6),
                row("generated", 1, Mode.TRAIN_STEP, 750e6));
        List<Measurement> steady =
                List.of(row("vector", 1, Mode.TRAIN_STEP, 151e6), row("vector", 2, Mode.TRAIN_STEP, 80e6));

        assertThat(Summary.replaced(quick, steady))
                .containsExactly(
                        row("vector", 1, Mode.FORWARD, 58e6),
                        row("generated", 1, Mode.TRAIN_STEP, 750e6),
                        row("vector", 1, Mode.TRAIN_STEP, 151e6),
                        row("vector", 2, Mode.TRAIN_STEP, 80e6));
    }
}
