package dev.lamina.compiler.codegen;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.compiler.CheckedModel;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Objects;

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

    /** The class name generated for a model name. */
    public static String classNameFor(String modelName) {
        return JavaNames.className(modelName);
    }

    /**
     * The source of the class for {@code spec}.
     *
     * @throws UnsupportedModelException if a shape is only known at run time or the layer stack
     *     cannot be specialized
     */
    public GeneratedModel generate(ModelSpec spec) {
        return generate(spec, null);
    }

    /**
     * The source of the class for {@code spec}, quoting the spec's source text (e.g. the model's
     * part of a {@code .lamina} file) in the class Javadoc; {@code specSource} may be null.
     *
     * @throws UnsupportedModelException if a shape is only known at run time or the layer stack
     *     cannot be specialized
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
     * @throws UnsupportedModelException if a shape is only known at run time or the layer stack
     *     cannot be specialized
     */
    public GeneratedModel generate(ModelSpec spec, String specSource, List<String> layerOrigins) {
        List<Shape> shapes = checkedShapes(spec);
        if (!layerOrigins.isEmpty() && layerOrigins.size() != spec.layers().size()) {
            throw new IllegalArgumentException(layerOrigins.size() + " layer origins for the "
                    + spec.layers().size() + " layers of model '" + JavaNames.commentText(spec.name()) + "'");
        }
        String className = JavaNames.className(spec.name());
        TypeSpec type =
                new ModelClassWriter(spec, className, shapes, specSource, List.copyOf(layerOrigins), backend).write();
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
     * @throws UnsupportedModelException if a shape is only known at run time or the layer stack
     *     cannot be specialized
     */
    public GeneratedModel generate(CheckedModel model, String sourceText) {
        Objects.requireNonNull(sourceText, "sourceText");
        return generate(
                model.spec(), SpecOrigins.modelText(model, sourceText), SpecOrigins.layerOrigins(model, sourceText));
    }

    private static List<Shape> checkedShapes(ModelSpec spec) {
        String model = "model '" + JavaNames.commentText(spec.name()) + "'";
        if (spec.layers().isEmpty()) {
            throw new UnsupportedModelException(model + " has no layers: there is nothing to generate");
        }
        List<Shape> shapes;
        try {
            shapes = spec.shapes();
        } catch (IllegalArgumentException e) {
            throw new UnsupportedModelException(model + " is not valid: " + e.getMessage());
        }
        for (int i = 0; i < shapes.size(); i++) {
            if (!shapes.get(i).isFullyKnown()) {
                String where = i == 0
                        ? "its input"
                        : "the output of layer '" + spec.layers().get(i - 1).name() + "'";
                throw new UnsupportedModelException(model + ": " + where + " has shape " + shapes.get(i)
                        + " with a length known only at run time; generated code needs every shape known,"
                        + " use the interpreter (--engine interpreter) for this model");
            }
        }
        for (int i = 1; i < spec.layers().size(); i++) {
            if (spec.layers().get(i) instanceof LayerSpec.Embedding e) {
                throw new UnsupportedModelException(
                        model + ": embedding '" + e.name() + "' must be the first layer, taking the model's token ids");
            }
        }
        return shapes;
    }
}
