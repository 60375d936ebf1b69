package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated source of a few small models, compared byte for byte with the files checked in
 * under {@code src/test/resources/golden-sources}, so every change to the generator shows up as a
 * reviewable diff. After an intended change, regenerate them with
 *
 * <pre>{@code
 * mvn -pl compiler -am test -Dtest=GoldenSourcesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlamina.updateGoldenSources=true
 * }</pre>
 *
 * and review the diff.
 */
class GoldenSourcesTest {
    static final String UPDATE_PROPERTY = "lamina.updateGoldenSources";
    static final Path DIRECTORY = Path.of("src", "test", "resources", "golden-sources");

    static Stream<ModelSpec> models() {
        return Stream.of(TestModels.seedToy(), smallConvnet(), tokenClassifier());
    }

    @ParameterizedTest
    @MethodSource("models")
    void generatedSourceMatchesCheckedInFile(ModelSpec spec) throws IOException {
        GeneratedModel model = new ModelGenerator("dev.lamina.generated").generate(spec);
        Path file = DIRECTORY.resolve(model.className() + ".java");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, model.source(), StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("golden source %s; regenerate with -D%s=true if the change is intended", file, UPDATE_PROPERTY)
                .exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(model.source());
    }

    /** Same padding, max pooling, flatten and a softmax dense, with an Adam training section. */
    static ModelSpec smallConvnet() {
        return new ModelSpec(
                "small_convnet",
                new InputSpec(Shape.of(16, 2), false),
                List.of(
                        new LayerSpec.Conv1D("conv", 8, 3, 1, Padding.SAME, 1, true, Activation.RELU),
                        new LayerSpec.Pooling1D("pool", PoolKind.MAX, 2, 2, Padding.VALID),
                        new LayerSpec.Flatten("flatten"),
                        new LayerSpec.Dense("out", 3, true, Activation.SOFTMAX)),
                Optional.of(new TrainingSpec(
                        LossKind.CATEGORICAL_CROSSENTROPY, new OptimizerSpec.Adam(0.001, 0.9, 0.999, 1e-7))));
    }

    /** Token ids through an embedding, a dilated causal gelu conv, average pooling and dropout. */
    static ModelSpec tokenClassifier() {
        return new ModelSpec(
                "token_classifier",
                new InputSpec(Shape.of(12), true),
                List.of(
                        new LayerSpec.Embedding("embedding", 20, 4),
                        new LayerSpec.Conv1D("conv", 6, 3, 1, Padding.CAUSAL, 2, true, Activation.GELU),
                        new LayerSpec.GlobalPooling1D("pool", PoolKind.AVERAGE),
                        new LayerSpec.Dropout("dropout", 0.25),
                        new LayerSpec.Dense("out", 1, true, Activation.SIGMOID)),
                Optional.of(new TrainingSpec(LossKind.BINARY_CROSSENTROPY, new OptimizerSpec.Sgd(0.01, 0.9, true))));
    }
}
