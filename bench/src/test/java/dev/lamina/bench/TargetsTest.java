package dev.lamina.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.bench.FlopCount.Mode;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private static final Map<String, ModelSpec> SPECS = Map.of("layer", BenchModel.LAYER.spec());

    @Test
    void issue7TargetsAreJudgedFromTheRowsOfTheRun() {
        double layerFlops = FlopCount.flops(BenchModel.LAYER.spec(), 32, Mode.FORWARD);
        List<Measurement> rows = List.of(
                row("layer", 32, Mode.FORWARD, "vector", 1, layerFlops / 85),
                row("activity_cnn", 32, Mode.TRAIN_STEP, "vector", 1, 200e6),
                row("activity_cnn", 32, Mode.TRAIN_STEP, "vector", 2, 125e6),
                row("activity_cnn", 32, Mode.TRAIN_STEP, "pytorch", 1, 190e6),
                row("activity_cnn", 1, Mode.TRAIN_STEP, "vector", 1, 20e6),
                row("activity_cnn", 1, Mode.TRAIN_STEP, "pytorch", 1, 60e6));

        assertThat(issue7(new Targets(rows, SPECS).table()))
                .containsExactly(
                        "7\tvector layer forward >= 80 GFLOP/s, batch 32\t85.0 GFLOP/s\tmet",
                        "7\tvector activity_cnn train step, batch 32, no slower than pytorch"
                                + "\t0.95x (200.00 ms vs 190.00 ms)\tMISSED",
                        "7\tvector activity_cnn train step, batch 1, >= 3x pytorch\t3.00x (20.00 ms vs 60.00 ms)\tmet",
                        "7\tvector activity_cnn train step, batch 32, 2 threads >= 1.7x one thread's throughput"
                                + "\t1.60x (125.00 ms vs 200.00 ms)\tMISSED");
    }

    @Test
    void issue12FusedNormalizationIsJudgedAgainstTheConvAlone() {
        List<Measurement> rows = List.of(
                row("conv_relu", 1, Mode.FORWARD, "vector", 1, 1.0e6),
                row("conv_bn_relu", 1, Mode.FORWARD, "vector", 1, 1.04e6),
                row("conv_relu", 32, Mode.FORWARD, "vector", 1, 30e6),
                row("conv_bn_relu", 32, Mode.FORWARD, "vector", 1, 34.5e6));

        assertThat(new Targets(rows, SPECS).table())
                .contains(
                        "12\tvector conv_bn_relu forward within 10% of conv_relu, batch 1\t+4.0% (1.04 ms vs 1.00 ms)"
                                + "\tmet",
                        "12\tvector conv_bn_relu forward within 10% of conv_relu, batch 32\t+15.0% (34.50 ms vs"
                                + " 30.00 ms)\tMISSED");
    }

    @Test
    void targetsWithoutTheirRowsAreNotMeasured() {
        List<String> table = new Targets(List.of(), SPECS).table();

        assertThat(table.get(0)).isEqualTo(Targets.HEADER);
        assertThat(table.subList(1, table.size())).hasSize(15).allSatisfy(line -> assertThat(line)
                .endsWith("\t-\tnot measured"));
    }

    @Test
    void generatedToyTargetsUseBatchOneAndTheAllocationOfEveryToyRow() {
        List<Measurement> rows = List.of(
                row("toy", 1, Mode.FORWARD, "generated", 1, 8.5),
                row("toy", 1, Mode.FORWARD, "interpreter", 1, 90),
                row("toy", 1, Mode.TRAIN_STEP, "generated", 1, 250),
                new Measurement("toy", 32, Mode.FORWARD, "generated", 1, 80, Optional.of(16.0)));

        List<String> table = new Targets(rows, SPECS).table();

        assertThat(table)
                .contains(
                        "6\tgenerated >= 10x interpreter, toy forward, batch 1\t10.59x (8.5 ns vs 90.0 ns)\tmet",
                        "6\tgenerated toy forward < 20 ns, batch 1\t8.5 ns\tmet",
                        "6\tgenerated toy train step < 200 ns, batch 1\t250.0 ns\tMISSED",
                        "6\tgenerated allocates 0 B/op (toy rows; larger ops: AllocationCheck)"
                                + "\tat most 16.000 B/op over 3 rows\tMISSED");
    }

    @Test
    void durationsReadInNanosecondsMicrosecondsOrMilliseconds() {
        assertThat(Targets.duration(8.54)).isEqualTo("8.5 ns");
        assertThat(Targets.duration(157_312)).isEqualTo("157.3 us");
        assertThat(Targets.duration(7_421_100)).isEqualTo("7.42 ms");
        assertThat(Targets.duration(23_572_884.5)).isEqualTo("23.57 ms");
    }

    private static List<String> issue7(List<String> table) {
        return table.stream().filter(line -> line.startsWith("7\t")).toList();
    }

    private static Measurement row(String model, int batch, Mode mode, String engine, int threads, double ns) {
        return new Measurement(model, batch, mode, engine, threads, ns, Optional.of(0.0));
    }
}
