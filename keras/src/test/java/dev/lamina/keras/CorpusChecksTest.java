package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus checks on a case written here: a model with two inputs read from {@code x_<name>.npy}. */
class CorpusChecksTest {
    private static final List<CorpusChecks.Engine> ENGINES =
            List.of(CorpusChecks.Engine.INTERPRETER, CorpusChecks.Engine.GENERATED, CorpusChecks.Engine.KERAS_WEIGHTS);

    @TempDir
    Path dir;

    /** The two-input model of {@link FunctionalImportTest} with two examples; the second gives 13. */
    private KerasCase twoInputCase(float secondOutput) throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve("two_inputs"));
        KerasFixtures.legacyModel(
                caseDir.resolve("model.h5"),
                KerasFixtures.TWO_INPUTS,
                "2.3.1",
                "tensorflow",
                KerasFixtures.TWO_INPUT_WEIGHTS);
        float[] seq = new float[12];
        System.arraycopy(KerasFixtures.SEQ, 0, seq, 0, 6);
        System.arraycopy(new float[] {0, 0, 2, 2, 4, 4}, 0, seq, 6, 6);
        Npy.write(caseDir.resolve("x_seq.npy"), new NdArray(new int[] {2, 3, 2}, seq));
        Npy.write(caseDir.resolve("x_side.npy"), new NdArray(new int[] {2, 2}, new float[] {1, 2, 3, 0}));
        Npy.write(caseDir.resolve("y.npy"), new NdArray(new int[] {2, 1}, new float[] {6, secondOutput}));
        Files.writeString(
                caseDir.resolve("case.json"),
                "{\"layers\": [\"Conv1D\", \"Dense\", \"GlobalAveragePooling1D\", \"Concatenate\"],"
                        + " \"tolerance\": {\"rtol\": 1e-6, \"atol\": 1e-6}}");
        return KerasCase.read(caseDir);
    }

    @Test
    void everyEngineReadsOneFilePerInput() throws Throwable {
        // second example: conv [[0, 1], [2, 3]], mean [1, 2]; side [3, 0] -> [3, 3]; sum 9
        KerasCase c = twoInputCase(9);
        List<DynamicTest> tests = CorpusChecks.tests(List.of(c), ENGINES).toList();
        assertThat(tests)
                .extracting(DynamicTest::getDisplayName)
                .containsExactly(
                        "two_inputs (interpreter)",
                        "two_inputs (generated)",
                        "two_inputs (KerasWeights.load into the interpreter)");
        for (DynamicTest test : tests) {
            test.getExecutable().execute();
        }
    }

    @Test
    void aWrongOutputFailsTheCheck() throws Throwable {
        KerasCase c = twoInputCase(10);
        DynamicTest test = CorpusChecks.tests(List.of(c), List.of(CorpusChecks.Engine.INTERPRETER))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> test.getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("interpreter: 1 of 2 outputs differ from Keras's")
                .hasMessageContaining("[1] 9.0 vs 10.0");
    }

    @Test
    void aMissingInputFileIsNamed() throws Throwable {
        KerasCase c = twoInputCase(9);
        Files.delete(c.dir().resolve("x_side.npy"));
        assertThatThrownBy(() -> c.inputs(List.of("seq", "side")))
                .hasMessage("the case two_inputs has no x_side.npy for input 'side'");
    }
}
