package dev.lamina.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
    private static final OptionalDouble NONE = OptionalDouble.empty();

    @Test
    void writesOneRowPerEpochWithTheColumnsMeasured() {
        assertThat(HistoryFile.csv(List.of(
                        new EpochResult(1, 2, 0.5, NONE, NONE, NONE, 10),
                        new EpochResult(2, 2, 0.125, NONE, NONE, NONE, 12))))
                .isEqualTo("epoch,loss\n1,0.5\n2,0.125\n");
        assertThat(HistoryFile.csv(List.of(new EpochResult(
                        1, 1, 1.3705, OptionalDouble.of(0.3125), OptionalDouble.of(1e-5), OptionalDouble.of(0.45), 3))))
                .isEqualTo("epoch,loss,accuracy,val_loss,val_accuracy\n1,1.3705,0.3125,1.0E-5,0.45\n");
    }

    @Test
    void rewritesTheFileAfterEveryEpochStartingWithTheResumedEpochs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.csv");
        HistoryFile history = new HistoryFile(file);
        history.onTrainBegin(List.of(new EpochResult(1, 3, 0.75, NONE, OptionalDouble.of(0.5), NONE, 1)));
        assertThat(Files.readString(file)).isEqualTo("epoch,loss,val_loss\n1,0.75,0.5\n");
        history.onEpochEnd(new EpochResult(2, 3, 0.25, NONE, OptionalDouble.of(0.375), NONE, 1));
        assertThat(Files.readString(file)).isEqualTo("epoch,loss,val_loss\n1,0.75,0.5\n2,0.25,0.375\n");
    }
}
