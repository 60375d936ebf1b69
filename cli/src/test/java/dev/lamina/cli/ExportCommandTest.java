package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.lamina.keras.KerasFixtures;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamina export}: the ONNX file it writes, what it prints, and its refusals. */
class ExportCommandTest {
    private static final String TOY = TrainCommandTest.TOY;

    @TempDir
    Path dir;

    private Path toyWeights() throws IOException {
        Path weights = dir.resolve("toy.weights");
        Weights.write(weights, Map.of("conv1d/kernel", new NdArray(new int[] {2, 1, 1}, new float[] {1, 2})));
        return weights;
    }

    @Test
    void writesTheModelWithItsWeightsAndSaysWhatItsInputsAndOutputAre() throws IOException {
        Path onnx = dir.resolve("toy.onnx");
        CliRun run = CliRun.of("export", TOY, "--weights", toyWeights().toString(), "--onnx", onnx.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("Exported model Toy (2 parameters) to " + onnx + ", ONNX opset 17\n"
                        + "  input  input [batch, 4, 1] float\n"
                        + "  output conv1d [batch, 3, 1] float\n");
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(onnx));
        assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(17);
        assertThat(model.getGraph().getNodeList().stream().map(NodeProto::getOpType))
                .containsExactly("Transpose", "Conv", "Transpose");
        assertThat(model.getGraph().getInitializer(0).getRawData().size()).isEqualTo(8);
    }

    @Test
    void anImportedTwoInputKerasModelKeepsItsInputNames() throws IOException {
        Path keras = KerasFixtures.legacyModel(
                dir.resolve("sensor.h5"),
                KerasFixtures.TWO_INPUTS,
                "2.3.1",
                "tensorflow",
                KerasFixtures.TWO_INPUT_WEIGHTS);
        assertThat(CliRun.of("import", keras.toString(), "-d", dir.toString()).exitCode())
                .isZero();
        Path onnx = dir.resolve("sensor.onnx");
        CliRun run = CliRun.of(
                "export",
                dir.resolve("Sensor.lamina").toString(),
                "--weights",
                dir.resolve("Sensor.weights").toString(),
                "--onnx",
                onnx.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .endsWith("  input  seq [batch, 3, 2] float\n"
                        + "  input  side [batch, 2] float\n"
                        + "  output out [batch, 1] float\n");
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(onnx));
        assertThat(model.getGraph().getInputList().stream().map(ValueInfoProto::getName))
                .containsExactly("seq", "side");
    }

    @Test
    void weightsForAnotherModelAreRefusedAndNothingIsWritten() throws IOException {
        Path other = dir.resolve("other.weights");
        Weights.write(other, Map.of("conv1d/kernel", new NdArray(new int[] {2, 1, 2}, new float[4])));
        Path onnx = dir.resolve("toy.onnx");
        CliRun run = CliRun.of("export", TOY, "--weights", other.toString(), "--onnx", onnx.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("lamina: " + other + " does not match model Toy (1 difference):\n"
                        + "  shape mismatch for conv1d/kernel: the model has (2, 1, 1), the file (2, 1, 2)\n");
        assertThat(onnx).doesNotExist();
    }

    @Test
    void aModelWithoutLayersIsRefusedAndNothingIsWritten() throws IOException {
        Path spec = Files.writeString(dir.resolve("empty.lamina"), "model Empty { input [3] }\n");
        Path weights = dir.resolve("empty.weights");
        Weights.write(weights, Map.of());
        Path onnx = dir.resolve("empty.onnx");
        CliRun run = CliRun.of("export", spec.toString(), "--weights", weights.toString(), "--onnx", onnx.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: model Empty has no layers: its output is its input, there is nothing to export\n"
                        + "nothing was written\n");
        assertThat(onnx).doesNotExist();
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        CliRun notOnnx = CliRun.of("export", TOY, "--weights", toyWeights().toString(), "--onnx", "model.pb");
        assertThat(notOnnx.exitCode()).isEqualTo(2);
        assertThat(notOnnx.err()).startsWith("--onnx must name a .onnx file, got model.pb\n");
        CliRun missing = CliRun.of("export", TOY, "--onnx", "m.onnx");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Missing required option: '--weights=W'");
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.of("help", "export");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: lamina export [-hV] [--model=NAME] --onnx=OUT.onnx --weights=W SPEC\n")
                .contains("Exports a model with its weights as an ONNX model (opset 17).");
    }
}
