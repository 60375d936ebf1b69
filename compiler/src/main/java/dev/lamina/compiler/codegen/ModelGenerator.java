package dev.lamina.compiler.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.compiler.CheckedModel;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Generates one specialized Java class per model: a final subclass of {@code
 * dev.lamina.runtime.AbstractModel} that depends on the runtime only, with every shape a constant
 * and one forward and one backward method per layer. The same spec always gives the same source.
 */
public final class ModelGenerator {
    private final String packageName;
    private final Backend backend;

    /** A scalar-backend generator writing classes into {@code packageName} (empty for the default package). */
    public ModelGenerator(String packageName) {
        this(packageName, Backend.SCALAR);
    }

    /** A generator for {@code backend} writing classes into {@code packageName} (empty for the default package). */
    public ModelGenerator(String packageName, Backend backend) {
        Objects.requireNonNull(packageName, "packageName");
        this.backend = Objects.requireNonNull(backend, "backend");
        if (!JavaNames.isValidPackage(packageName)) {
            throw new IllegalArgumentException("'" + packageName + "' is not a valid Java package name");
        }
        this.packageName = packageName;
    }

    /**
     * The most layers a generated class holds: about 45 class-file constants per layer (fields,
     * methods, names), within the format's 65,535 with room for the widest layer kinds.
     */
    public static final int MAX_LAYERS = 1_000;

    /** Whether {@code name} is a Java package name (empty for the default package). */
    public static boolean isValidPackageName(String name) {
        return JavaNames.isValidPackage(name);
    }

    /** The class name generated for a model name. */
    public static String classNameFor(String modelName) {
        return JavaNames.className(modelName);
    }

    /**
     * The source of the class for {@code spec}.
     *
     * @throws UnsupportedModelException when {@link #unsupported} gives a reason
     */
    public GeneratedModel generate(ModelSpec spec) {
        return generate(spec, null);
    }

    /**
     * The source of the class for {@code spec}, quoting the spec's source text (e.g. the model's
     * part of a {@code .lamina} file) in the class Javadoc; {@code specSource} may be null.
     *
     * @throws UnsupportedModelException when {@link #unsupported} gives a reason
     */
    public GeneratedModel generate(ModelSpec spec, String specSource) {
        return generate(spec, specSource, List.of());
    }

    /**
     * The source of the class for {@code spec}, quoting {@code specSource} (may be null) in the
     * class Javadoc and, in the Javadoc of each layer's methods, its origin: {@code layerOrigins}
     * holds one description per layer, e.g. {@code toy.lamina:4: conv1d(1, 2, use_bias=false)}, or
     * is empty.
     *
     * @throws UnsupportedModelException when {@link #unsupported} gives a reason
     */
    public GeneratedModel generate(ModelSpec spec, String specSource, List<String> layerOrigins) {
        unsupported(spec).ifPresent(reason -> {
            throw new UnsupportedModelException(reason);
        });
        if (!layerOrigins.isEmpty() && layerOrigins.size() != spec.layers().size()) {
            throw new IllegalArgumentException(layerOrigins.size() + " layer origins for the "
                    + spec.layers().size() + " layers of model '" + JavaNames.commentText(spec.name()) + "'");
        }
        String className = JavaNames.className(spec.name());
        TypeSpec type = new ModelClassWriter(spec, className, specSource, List.copyOf(layerOrigins), backend).write();
        String source = JavaFile.builder(packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build()
                .toString();
        return new GeneratedModel(packageName, className, source, backend);
    }

    /**
     * The source of the class for a model checked by the front end, from the text it was compiled
     * from: the class Javadoc quotes the model's declaration, and each layer's methods name their
     * spec line, e.g. {@code toy.lamina:4: conv1d(1, 2, use_bias=false)} (the file name without its
     * directory, so the output does not depend on where it was compiled).
     *
     * @throws UnsupportedModelException when {@link #unsupported} gives a reason
     */
    public GeneratedModel generate(CheckedModel model, String sourceText) {
        Objects.requireNonNull(sourceText, "sourceText");
        return generate(
                model.spec(), SpecOrigins.modelText(model, sourceText), SpecOrigins.layerOrigins(model, sourceText));
    }

    /**
     * Why generated code cannot run {@code spec}, or empty when it can: a model without layers has
     * nothing to generate, every shape must be known (a length known only at run time needs the
     * interpreter), and an embedding must read token ids straight from a model input.
     */
    public static Optional<String> unsupported(ModelSpec spec) {
        String model = "model '" + JavaNames.commentText(spec.name()) + "'";
        if (spec.nodes().isEmpty()) {
            return Optional.of(model + " has no layers: there is nothing to generate");
        }
        if (spec.nodes().size() > MAX_LAYERS) {
            return Optional.of(model + " has " + spec.nodes().size() + " layers; a generated class holds at most "
                    + MAX_LAYERS + " (the class-file format allows 65,535 constants per class)");
        }
        for (int t = 0; t < spec.tensorCount(); t++) {
            if (!spec.tensorShape(t).isFullyKnown()) {
                String where = t < spec.inputs().size()
                        ? "its input '" + spec.inputs().get(t).name() + "'"
                        : "the output of layer '"
                                + spec.nodes().get(t - spec.inputs().size()).name() + "'";
                return Optional.of(model + ": " + where + " has shape " + spec.tensorShape(t)
                        + " with a length known only at run time; generated code needs every shape known");
            }
        }
        for (int n = 0; n < spec.nodes().size(); n++) {
            if (spec.nodes().get(n).layer() instanceof LayerSpec.Embedding e) {
                int read = spec.nodeInputs(n)[0];
                if (read >= spec.inputs().size() || !spec.inputs().get(read).integerIds()) {
                    return Optional.of(model + ": embedding '" + e.name()
                            + "' must read the token ids of a model input declared int");
                }
            }
        }
        return Optional.empty();
    }
}
