package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.junit.jupiter.api.Test;

/** Completion on half-typed text: layers, options with defaults, values, losses, optimizers, tensors in scope. */
class CompletionTest {
    private static final List<String> LAYERS = List.of(
            "conv1d",
            "dense",
            "max_pooling1d",
            "average_pooling1d",
            "global_max_pooling1d",
            "global_average_pooling1d",
            "flatten",
            "dropout",
            "activation",
            "embedding",
            "repeat_vector",
            "reshape",
            "add",
            "subtract",
            "multiply",
            "average",
            "maximum",
            "minimum",
            "concatenate",
            "batch_normalization",
            "layer_normalization",
            "zero_padding1d",
            "cropping1d",
            "up_sampling1d",
            "permute",
            "spatial_dropout1d");

    private static final List<String> ACTIVATIONS = List.of(
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

    /** The items at the cursor marked {@code |} in {@code text}. */
    private static List<CompletionItem> complete(String text) throws Exception {
        int cursor = text.indexOf('|');
        String before = text.substring(0, cursor);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        int character = cursor - (before.lastIndexOf('\n') + 1);
        try (LspSession session = new LspSession(0)) {
            session.open(text.replace("|", ""));
            return session.completion(line, character);
        }
    }

    private static List<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void layerNamesAfterAnArrow() throws Exception {
        List<CompletionItem> items = complete("model M {\n  input x [8, 2]\n  x -> |\n}\n");
        assertThat(labels(items)).containsExactlyElementsOf(LAYERS);
        CompletionItem conv = items.get(0);
        assertThat(conv.getKind()).isEqualTo(CompletionItemKind.Function);
        assertThat(conv.getDetail()).isEqualTo("Conv1D");
        assertThat(conv.getDocumentation().getRight().getValue())
                .isEqualTo("```text\nconv1d(filters, kernel_size, strides=1, padding=valid, dilation_rate=1,"
                        + " activation=linear, use_bias=true, data_format=channels_last, name=...)\n```\n\n1D convolution: `filters` kernels of"
                        + " `kernel_size` steps slide over the steps, (steps, channels) -> (steps', filters).");
        assertThat(conv.getInsertText()).isNull();
    }

    @Test
    void aStatementStartOffersTheTensorsBoundBeforeItWithTheirShapesThenLayers() throws Exception {
        List<CompletionItem> items = complete("model M {\n  input x [8, 2]\n  a = conv1d(4, 3, padding=same)\n"
                + "  b = a -> dense(3)\n  |\n  c = b -> dense(1)\n}\n");
        assertThat(labels(items)).startsWith("x", "a", "b", "conv1d").endsWith("spatial_dropout1d", "input", "train");
        assertThat(labels(items)).doesNotContain("c");
        assertThat(items.subList(0, 3))
                .extracting(CompletionItem::getDetail)
                .containsExactly("(8, 2)", "(8, 4)", "(8, 3)");
        assertThat(items.get(0).getKind()).isEqualTo(CompletionItemKind.Variable);
    }

    @Test
    void aSourceListOffersTensorsOnly() throws Exception {
        assertThat(labels(complete("model M {\n  input x [8]\n  a = dense(4)\n  b = x -> dense(4)\n  [a, |\n}\n")))
                .containsExactly("x", "a", "b");
    }

    @Test
    void optionNamesWithTheirDefaultsAndDocumentation() throws Exception {
        List<CompletionItem> items = complete("model M {\n  input [128, 1]\n  conv1d(32, 5, |)\n}\n");
        assertThat(labels(items))
                .containsExactly(
                        "strides", "padding", "dilation_rate", "activation", "use_bias", "data_format", "name");
        CompletionItem strides = items.get(0);
        assertThat(strides.getDetail()).isEqualTo("an integer, default 1");
        assertThat(strides.getInsertText()).isEqualTo("strides=");
        assertThat(strides.getKind()).isEqualTo(CompletionItemKind.Property);
        assertThat(strides.getDocumentation().getRight().getValue())
                .isEqualTo("**strides** (option of conv1d): an integer, default 1\n\nSteps between the starts of two"
                        + " windows.");
        assertThat(labels(complete("model M {\n  input [128, 1]\n  conv1d(32, padding=same, |\n}\n")))
                .containsExactly(
                        "kernel_size", "strides", "dilation_rate", "activation", "use_bias", "data_format", "name");
    }

    @Test
    void theNextPositionalOptionsValuesComeFirst() throws Exception {
        assertThat(labels(complete("model M {\n  input [4]\n  activation(|)\n}\n")))
                .containsExactlyElementsOf(concat(ACTIVATIONS, List.of("activation", "name")));
    }

    @Test
    void optionValues() throws Exception {
        List<CompletionItem> padding = complete("model M {\n  input [128, 1]\n  conv1d(32, 5, padding=|)\n}\n");
        assertThat(labels(padding)).containsExactly("valid", "same", "causal");
        assertThat(padding.get(0).getDetail()).isEqualTo("padding (default)");
        assertThat(padding.get(2).getDocumentation().getRight().getValue())
                .isEqualTo("(kernel_size - 1)\\*dilation_rate zeros on the left: output step t sees input steps up"
                        + " to t.");
        assertThat(labels(complete("model M {\n  input [128, 1]\n  max_pooling1d(2, padding=\"|\n}\n")))
                .containsExactly("valid", "same");
        assertThat(labels(complete("model M {\n  input [4]\n  dense(2, activation=so|)\n}\n")))
                .containsExactlyElementsOf(ACTIVATIONS);
        assertThat(labels(complete("model M {\n  input [4]\n  dense(2, use_bias=|)\n}\n")))
                .containsExactly("true", "false");
        assertThat(complete("model M {\n  input [4]\n  dense(|)\n}\n"))
                .extracting(CompletionItem::getLabel)
                .containsExactly("units", "activation", "use_bias", "name");
        assertThat(complete("model M {\n  input [4]\n  dense(2, units=|)\n}\n")).isEmpty();
    }

    @Test
    void lossesOptimizersAndTheirOptions() throws Exception {
        String train = "model M {\n  input [4]\n  dense(1)\n  train {\n    %s\n  }\n}\n";
        assertThat(labels(complete(train.formatted("|")))).containsExactly("loss", "optimizer");
        assertThat(labels(complete(train.formatted("loss |"))))
                .containsExactly(
                        "mse",
                        "mae",
                        "binary_crossentropy",
                        "categorical_crossentropy",
                        "sparse_categorical_crossentropy",
                        "huber");
        List<CompletionItem> optimizers = complete(train.formatted("optimizer |"));
        assertThat(labels(optimizers)).containsExactly("sgd", "adam", "rmsprop", "adamw", "adagrad");
        assertThat(optimizers.get(1).getDetail()).isEqualTo("Adam");
        assertThat(labels(complete(train.formatted("optimizer sgd(momentum=0.9, |)"))))
                .containsExactly("learning_rate", "nesterov", "clipnorm", "clipvalue", "global_clipnorm");
        assertThat(labels(complete(train.formatted("optimizer sgd(nesterov=|)"))))
                .containsExactly("true", "false");
    }

    @Test
    void keywordsAndNothingInCommentsOrStrings() throws Exception {
        assertThat(labels(complete("// models\n|"))).containsExactly("model");
        assertThat(labels(complete("model M {\n  input [4] |\n}\n"))).startsWith("int", "float", "conv1d");
        assertThat(complete("model M {\n  input [4]\n  // dense(|\n}\n")).isEmpty();
        assertThat(complete("model M {\n  input [4]\n  /* dense(| */\n}\n")).isEmpty();
        assertThat(complete("model M {\n  input [4]\n  dense(2, name=\"a|b\")\n}\n"))
                .isEmpty();
        assertThat(complete("model M {\n  input [|\n}\n")).isEmpty();
        assertThat(complete("model |")).isEmpty();
    }

    @Test
    void snippetsFillTheRequiredArguments() throws Exception {
        CompletionContext context = CompletionContext.at("model M {\n  input [4]\n  \n}\n", 24);
        assertThat(context.place()).isEqualTo(CompletionContext.Place.AFTER_INPUT);
        DocumentAnalysis analysis = new DocumentAnalysis(new TextDocument("u", 1, "model M {\n  input [4]\n  \n}\n"));
        List<CompletionItem> items = Completions.at(analysis, 24, true, true);
        CompletionItem conv = items.stream()
                .filter(i -> i.getLabel().equals("conv1d"))
                .findFirst()
                .orElseThrow();
        assertThat(conv.getInsertText()).isEqualTo("conv1d(${1:filters}, ${2:kernel_size})");
        CompletionItem flatten = items.stream()
                .filter(i -> i.getLabel().equals("flatten"))
                .findFirst()
                .orElseThrow();
        assertThat(flatten.getInsertText()).isNull();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
