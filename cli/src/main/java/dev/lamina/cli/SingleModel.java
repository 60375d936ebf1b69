package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The one model a command runs: {@code --model NAME}, or the file's only model. */
final class SingleModel {
    private SingleModel() {}

    /** The model, or empty after reporting on stderr why there is no single one. */
    static Optional<CheckedModel> load(CommandLine commandLine, Path file, String modelName) {
        Optional<List<CheckedModel>> models = CompiledFile.load(commandLine, file, modelName);
        if (models.isEmpty()) {
            return Optional.empty();
        }
        if (models.get().size() > 1) {
            commandLine
                    .getErr()
                    .println("lamina: " + file + " declares " + models.get().size() + " models ("
                            + models.get().stream().map(CheckedModel::name).collect(Collectors.joining(", "))
                            + "); choose one with --model NAME");
            return Optional.empty();
        }
        return Optional.of(models.get().get(0));
    }

    /** The per-example output shape for inputs of these shapes, whose lengths may be known only from data. */
    static Shape outputShape(CheckedModel model, List<Shape> inputs) {
        ModelSpec spec = model.spec();
        return spec.tensorShapesFor(inputs).get(spec.tensor(spec.output()));
    }
}
