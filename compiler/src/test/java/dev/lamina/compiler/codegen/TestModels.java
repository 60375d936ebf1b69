package dev.lamina.compiler.codegen;

import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;

/** Model specs written out in test code. */
final class TestModels {
    private TestModels() {}

    /**
     * The activity CNN: input 511x2, conv1d 100/10 relu twice, max pooling 3, conv1d 160/10 relu
     * twice, global average pooling, dropout 0.5, dense 4 softmax.
     */
    static ModelSpec activityCnn() {
        return ModelSpec.sequential(
                "activity_cnn",
                new InputSpec(Shape.of(511, 2), false),
                List.of(
                        new LayerSpec.Conv1D("conv1d_1", 100, 10, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.Conv1D("conv1d_2", 100, 10, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.Pooling1D("max_pooling1d", PoolKind.MAX, 3, 3, Padding.VALID),
                        new LayerSpec.Conv1D("conv1d_3", 160, 10, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.Conv1D("conv1d_4", 160, 10, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.GlobalPooling1D("global_average_pooling1d", PoolKind.AVERAGE),
                        new LayerSpec.Dropout("dropout", 0.5),
                        new LayerSpec.Dense("dense", 4, true, Activation.SOFTMAX)),
                Optional.empty());
    }

    /**
     * The time-series baselines of {@code samples/models} ({@code fcn.lamina}, {@code
     * resnet.lamina}, {@code inception_time.lamina}), through the front end.
     */
    static List<ModelSpec> timeSeriesBaselines() {
        List<ModelSpec> specs = new java.util.ArrayList<>();
        for (String file : List.of("fcn.lamina", "resnet.lamina", "inception_time.lamina")) {
            java.nio.file.Path path = dev.lamina.runtime.golden.ReferenceData.repositoryRoot()
                    .resolve("samples")
                    .resolve("models")
                    .resolve(file);
            dev.lamina.compiler.Compilation compilation;
            try {
                compilation = dev.lamina.compiler.LaminaCompiler.compile(file, java.nio.file.Files.readString(path));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (compilation.hasErrors()) {
                throw new IllegalStateException(compilation.render());
            }
            specs.add(compilation.models().get(0).spec());
        }
        return specs;
    }

    /** The seed toy: 4 steps, 1 channel, conv1d with 1 filter of kernel 2 and no bias. */
    static ModelSpec seedToy() {
        return ModelSpec.sequential(
                "toy",
                new InputSpec(Shape.of(4, 1), false),
                List.of(new LayerSpec.Conv1D("c1d", 1, 2, 1, Padding.VALID, 1, false, Activation.LINEAR)),
                Optional.empty());
    }
}
