package dev.lamina.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.check.LanguageCatalog.Choice;
import dev.lamina.compiler.check.LanguageCatalog.Entry;
import dev.lamina.compiler.check.LanguageCatalog.Option;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog view lists what the checker accepts, documents all of it, and its defaults are the real ones. */
class LanguageCatalogTest {
    /** Required arguments of the layers that have defaults, reading {@code input x [16, 4]}. */
    private static final Map<String, String> REQUIRED = Map.ofEntries(
            Map.entry("conv1d", "4, 3"),
            Map.entry("dense", "4"),
            Map.entry("max_pooling1d", ""),
            Map.entry("average_pooling1d", ""),
            Map.entry("global_max_pooling1d", ""),
            Map.entry("global_average_pooling1d", ""),
            Map.entry("concatenate", ""),
            Map.entry("batch_normalization", ""),
            Map.entry("layer_normalization", ""),
            Map.entry("zero_padding1d", ""),
            Map.entry("cropping1d", ""),
            Map.entry("up_sampling1d", ""));

    @Test
    void listsEveryLayerAndOptimizerOfTheCheckerInItsOrder() {
        assertThat(LanguageCatalog.layers()).extracting(Entry::name).containsExactlyElementsOf(Catalog.LAYERS.keySet());
        assertThat(LanguageCatalog.optimizers())
                .extracting(Entry::name)
                .containsExactly("sgd", "adam", "rmsprop", "adamw", "adagrad");
        Entry conv = LanguageCatalog.layer("conv1d").orElseThrow();
        assertThat(conv.kerasClass()).isEqualTo("Conv1D");
        assertThat(conv.options())
                .extracting(Option::name)
                .containsExactly(
                        "filters",
                        "kernel_size",
                        "strides",
                        "padding",
                        "dilation_rate",
                        "activation",
                        "use_bias",
                        "data_format",
                        "name");
        Option filters = conv.option("filters").orElseThrow();
        assertThat(filters.required()).isTrue();
        assertThat(filters.accepts()).isEqualTo("an integer");
        assertThat(filters.defaultValue()).isEmpty();
        assertThat(filters.doc()).isEqualTo("Number of kernels: the output channels.");
        assertThat(LanguageCatalog.kerasClass("global_average_pooling1d")).isEqualTo("GlobalAveragePooling1D");
        assertThat(LanguageCatalog.kerasClass("conv2d")).isEqualTo("conv2d");
    }

    @Test
    void valueChoicesAreTheCheckersOwn() {
        assertThat(choiceNames("conv1d", "padding")).containsExactly("valid", "same", "causal");
        assertThat(choiceNames("max_pooling1d", "padding")).containsExactly("valid", "same");
        assertThat(choiceNames("dense", "activation"))
                .containsExactly(
                        "linear",
                        "relu",
                        "tanh",
                        "sigmoid",
                        "softmax",
                        "elu",
                        "softplus",
                        "gelu",
                        "silu",
                        "selu",
                        "leaky_relu",
                        "hard_sigmoid",
                        "softsign");
        assertThat(choiceNames("zero_padding1d", "padding")).isEmpty();
        assertThat(choiceNames("dense", "use_bias")).containsExactly("true", "false");
        assertThat(choiceNames("dense", "units")).isEmpty();
        assertThat(LanguageCatalog.optimizer("sgd")
                        .orElseThrow()
                        .option("nesterov")
                        .orElseThrow()
                        .choices())
                .extracting(Choice::name)
                .containsExactly("true", "false");
        assertThat(LanguageCatalog.losses())
                .extracting(Choice::name)
                .containsExactly(
                        "mse",
                        "mae",
                        "binary_crossentropy",
                        "categorical_crossentropy",
                        "sparse_categorical_crossentropy",
                        "huber");
        assertThat(LanguageCatalog.trainingSettings()).extracting(Choice::name).containsExactly("loss", "optimizer");
    }

    @Test
    void everythingIsDocumentedAndNothingElse() {
        Set<String> options = new HashSet<>();
        for (Entry entry : concat(LanguageCatalog.layers(), LanguageCatalog.optimizers())) {
            assertThat(entry.doc()).as(entry.name()).isNotBlank();
            assertThat(entry.kerasClass()).as(entry.name()).isNotBlank();
            for (Option option : entry.options()) {
                options.add(entry.name() + "." + option.name());
                options.add(option.name());
                assertThat(option.doc()).as(entry.name() + "." + option.name()).isNotBlank();
                // a clipping option's absence means no clipping: there is no value to write for it
                boolean needsDefault = !option.required()
                        && !option.name().equals("name")
                        && !Catalog.CLIPPING.contains(option.name());
                assertThat(option.defaultValue().isPresent())
                        .as("%s.%s has a default exactly when it is optional", entry.name(), option.name())
                        .isEqualTo(needsDefault);
                option.choices().forEach(c -> assertThat(c.doc()).as(c.name()).isNotBlank());
            }
        }
        assertThat(options).containsAll(CatalogDocs.OPTIONS.keySet()).containsAll(CatalogDocs.DEFAULTS.keySet());
        assertThat(Catalog.LAYERS.keySet()).containsExactlyInAnyOrderElementsOf(CatalogDocs.LAYERS.keySet());
        assertThat(Catalog.OPTIMIZERS.keySet()).containsExactlyInAnyOrderElementsOf(CatalogDocs.OPTIMIZERS.keySet());
    }

    @Test
    void everyLayerDefaultIsTheOneTheCheckerApplies() {
        int checked = 0;
        for (Map.Entry<String, String> layer : REQUIRED.entrySet()) {
            Entry entry = LanguageCatalog.layer(layer.getKey()).orElseThrow();
            LayerSpec implicit = layerSpec(layer.getKey(), layer.getValue());
            for (Option option : entry.options()) {
                if (option.defaultValue().isEmpty()) {
                    continue;
                }
                String args = (layer.getValue().isEmpty() ? "" : layer.getValue() + ", ") + option.name() + "="
                        + option.defaultValue().get();
                assertThat(layerSpec(layer.getKey(), args))
                        .as("%s(%s)", layer.getKey(), args)
                        .isEqualTo(implicit);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(29);
        assertThat(LanguageCatalog.layers())
                .filteredOn(
                        e -> e.options().stream().anyMatch(o -> o.defaultValue().isPresent()))
                .extracting(Entry::name)
                .containsExactlyInAnyOrderElementsOf(REQUIRED.keySet());
    }

    @Test
    void everyOptimizerDefaultIsTheOneTheCheckerApplies() {
        for (Entry optimizer : LanguageCatalog.optimizers()) {
            TrainingSpec implicit = training(optimizer.name());
            for (Option option : optimizer.options()) {
                if (Catalog.CLIPPING.contains(option.name())) {
                    continue;
                }
                String written = optimizer.name() + "(" + option.name() + "="
                        + option.defaultValue().orElseThrow() + ")";
                assertThat(training(written)).as(written).isEqualTo(implicit);
            }
        }
    }

    private static List<String> choiceNames(String layer, String option) {
        return LanguageCatalog.layer(layer).orElseThrow().option(option).orElseThrow().choices().stream()
                .map(Choice::name)
                .toList();
    }

    private static LayerSpec layerSpec(String type, String args) {
        String source = type.equals("concatenate") ? "[x]" : "x";
        return only(compileModel("  " + source + " -> " + type + "(" + args + ")\n"))
                .layers()
                .get(0)
                .spec();
    }

    private static TrainingSpec training(String optimizer) {
        return only(compileModel("  dense(1)\n  train { loss mse; optimizer " + optimizer + " }\n"))
                .spec()
                .training()
                .orElseThrow();
    }

    private static Compilation compileModel(String body) {
        return LaminaCompiler.compile("t.lamina", "model M {\n  input x [16, 4]\n" + body + "}\n");
    }

    private static CheckedModel only(Compilation compilation) {
        assertThat(compilation.diagnostics()).as(compilation.render()).isEmpty();
        return compilation.models().get(0);
    }

    private static List<Entry> concat(List<Entry> a, List<Entry> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
