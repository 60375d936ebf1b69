package dev.lamina.compiler.check;

import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.LossKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of the language's vocabulary for tools such as editors: the layers and
 * optimizers with their options in positional order (kind, default, documentation, allowed
 * values), the losses, activations and training settings. It reads the checker's own tables, so it
 * lists exactly what the checker accepts.
 */
public final class LanguageCatalog {
    /** A name from a closed set of values (an activation, a padding, a loss...) and what it means. */
    public record Choice(String name, String doc) {}

    /**
     * One option of a layer or optimizer: its name, what it accepts ({@code an integer}...),
     * whether it is required, its default as written in a spec, what it means, and the values it
     * allows when they form a closed set (empty otherwise).
     */
    public record Option(
            String name,
            String accepts,
            boolean required,
            Optional<String> defaultValue,
            String doc,
            List<Choice> choices) {
        public Option {
            choices = List.copyOf(choices);
        }
    }

    /** A layer type or an optimizer: its name, Keras class, description and options in positional order. */
    public record Entry(String name, String kerasClass, String doc, List<Option> options) {
        public Entry {
            options = List.copyOf(options);
        }

        public Optional<Option> option(String optionName) {
            return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
        }
    }

    private static final List<Entry> LAYERS = entries(Catalog.LAYERS, CatalogDocs.LAYERS);
    private static final List<Entry> OPTIMIZERS = entries(Catalog.OPTIMIZERS, CatalogDocs.OPTIMIZERS);

    private LanguageCatalog() {}

    /** Every layer type, in the order of the language reference. */
    public static List<Entry> layers() {
        return LAYERS;
    }

    public static Optional<Entry> layer(String type) {
        return LAYERS.stream().filter(e -> e.name().equals(type)).findFirst();
    }

    public static List<Entry> optimizers() {
        return OPTIMIZERS;
    }

    public static Optional<Entry> optimizer(String name) {
        return OPTIMIZERS.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public static List<Choice> losses() {
        return choices(Arrays.stream(LossKind.values()).map(LossKind::kerasName).toList());
    }

    public static List<Choice> activations() {
        return choices(
                Arrays.stream(Activation.values()).map(Activation::kerasName).toList());
    }

    /** The settings of a {@code train} section: {@code loss} and {@code optimizer}. */
    public static List<Choice> trainingSettings() {
        return TrainingChecker.SETTINGS.stream()
                .map(s -> new Choice(s, CatalogDocs.SETTINGS.get(s)))
                .toList();
    }

    /** Keras's class name of a layer type ({@code Conv1D}), or the type itself if it is unknown. */
    public static String kerasClass(String type) {
        return layer(type).map(Entry::kerasClass).orElse(type);
    }

    private static List<Entry> entries(Map<String, Signature> signatures, Map<String, CatalogDocs.Doc> docs) {
        return signatures.values().stream()
                .map(signature -> {
                    CatalogDocs.Doc doc = docs.get(signature.owner());
                    if (doc == null) {
                        throw new IllegalStateException(signature.owner() + " is not documented in CatalogDocs");
                    }
                    return new Entry(
                            signature.owner(),
                            doc.kerasClass(),
                            doc.text(),
                            signature.params().stream()
                                    .map(p -> option(signature.owner(), p))
                                    .toList());
                })
                .toList();
    }

    private static Option option(String owner, Signature.Param param) {
        return new Option(
                param.name(),
                param.kind().description,
                param.required(),
                CatalogDocs.defaultValue(owner, param.name()),
                CatalogDocs.option(owner, param.name()),
                choices(values(owner, param)));
    }

    /** The closed set of values an option allows, or none. */
    private static List<String> values(String owner, Signature.Param param) {
        if (param.kind() == Signature.Kind.BOOL) {
            return List.of("true", "false");
        }
        return switch (param.name()) {
            case "activation" -> LayerFactory.ACTIVATIONS;
            case "padding" -> switch (owner) {
                case "conv1d" -> LayerFactory.CONV_PADDINGS;
                case "max_pooling1d", "average_pooling1d" -> LayerFactory.POOL_PADDINGS;
                default -> List.of(); // zero_padding1d takes amounts
            };
            case "data_format" -> LayerFactory.DATA_FORMATS;
            default -> List.of();
        };
    }

    private static List<Choice> choices(List<String> names) {
        return names.stream()
                .map(name -> {
                    String doc = CatalogDocs.VALUES.get(name);
                    if (doc == null) {
                        throw new IllegalStateException("value " + name + " is not documented in CatalogDocs");
                    }
                    return new Choice(name, doc);
                })
                .toList();
    }
}
