package dev.lamina.bench;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.runtime.spec.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The benchmarked models, each a {@code .lamina} spec kept next to this class. */
public enum BenchModel {
    TOY("toy.lamina"),
    LAYER("layer.lamina"),
    ACTIVITY_CNN("activity_cnn.lamina"),
    TEXT_CNN("text_cnn.lamina"),
    CONV_RELU("conv_relu.lamina"),
    CONV_BN_RELU("conv_bn_relu.lamina"),
    FCN("fcn.lamina"),
    INCEPTION_TIME("inception_time.lamina");

    private final String resource;

    BenchModel(String resource) {
        this.resource = resource;
    }

    /** The name used in {@code @Param} values and in the summary, e.g. {@code activity_cnn}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The model with this {@link #key()}. */
    public static BenchModel of(String key) {
        for (BenchModel m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + key + "'; the benchmarks have "
                + List.of(values()).stream().map(BenchModel::key).toList());
    }

    /** The spec's source text. */
    public String source() {
        try (InputStream in = BenchModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + BenchModel.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec, through the front end; a spec with errors throws with the rendered diagnostics. */
    public ModelSpec spec() {
        Compilation compilation = LaminaCompiler.compile(resource, source());
        if (compilation.hasErrors()) {
            throw new IllegalStateException(compilation.render());
        }
        List<CheckedModel> models = compilation.models();
        if (models.size() != 1) {
            throw new IllegalStateException(resource + " declares " + models.size() + " models, expected one");
        }
        return models.get(0).spec();
    }
}
