package dev.lamina.lsp;

import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.check.LanguageCatalog;
import dev.lamina.compiler.check.LanguageCatalog.Choice;
import dev.lamina.compiler.check.LanguageCatalog.Entry;
import dev.lamina.compiler.check.LanguageCatalog.Option;
import dev.lamina.lsp.SourceIndex.Binding;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The completion items at a cursor, by {@link CompletionContext}, with the catalog's documentation. */
final class Completions {
    private final DocumentAnalysis analysis;
    private final boolean snippets;
    private final boolean markdown;
    private final List<CompletionItem> items = new ArrayList<>();

    private Completions(DocumentAnalysis analysis, boolean snippets, boolean markdown) {
        this.analysis = analysis;
        this.snippets = snippets;
        this.markdown = markdown;
    }

    /** The items at an offset of the analysed text; {@code snippets}: the client takes snippet syntax. */
    static List<CompletionItem> at(DocumentAnalysis analysis, int offset, boolean snippets, boolean markdown) {
        CompletionContext context = CompletionContext.at(analysis.document().text(), offset);
        Completions completions = new Completions(analysis, snippets, markdown);
        completions.add(context);
        return completions.items;
    }

    private void add(CompletionContext context) {
        switch (context.place()) {
            case NOTHING -> {}
            case TOP -> keyword("model", "model ${1:Name} {\n  input [${2:steps}, ${3:channels}]\n  $0\n}");
            case STATEMENT -> {
                tensors(context);
                layers();
                keyword("input", null);
                keyword("train", "train {\n  loss ${1:mse}\n  optimizer ${2:adam}\n}");
            }
            case AFTER_INPUT -> {
                keyword("int", null);
                keyword("float", null);
                tensors(context);
                layers();
                keyword("input", null);
                keyword("train", "train {\n  loss ${1:mse}\n  optimizer ${2:adam}\n}");
            }
            case LAYER -> layers();
            case BINDING -> {
                tensors(context);
                layers();
            }
            case SOURCE_LIST -> tensors(context);
            case ARGUMENT -> entry(context).ifPresent(entry -> arguments(entry, context));
            case VALUE -> entry(context)
                    .flatMap(entry -> context.option().flatMap(entry::option))
                    .ifPresent(option -> values(option, option.choices()));
            case SETTING -> LanguageCatalog.trainingSettings()
                    .forEach(s -> item(s.name(), CompletionItemKind.Keyword, "training setting", s.doc(), null));
            case LOSS -> LanguageCatalog.losses()
                    .forEach(loss -> item(loss.name(), CompletionItemKind.EnumMember, "loss", loss.doc(), null));
            case OPTIMIZER -> LanguageCatalog.optimizers().forEach(this::optimizer);
        }
    }

    private Optional<Entry> entry(CompletionContext context) {
        return context.owner()
                .flatMap(owner ->
                        context.ownerIsOptimizer() ? LanguageCatalog.optimizer(owner) : LanguageCatalog.layer(owner));
    }

    private void layers() {
        for (Entry layer : LanguageCatalog.layers()) {
            List<Option> required =
                    layer.options().stream().filter(Option::required).toList();
            String snippet = required.isEmpty()
                    ? null
                    : layer.name() + "("
                            + String.join(
                                    ", ",
                                    required.stream()
                                            .map(o -> "${" + (required.indexOf(o) + 1) + ":" + o.name() + "}")
                                            .toList())
                            + ")";
            CompletionItem item = item(layer.name(), CompletionItemKind.Function, layer.kerasClass(), null, snippet);
            item.setDocumentation(Either.forRight(new Markup()
                    .block(List.of(signature(layer)))
                    .paragraph(layer.doc())
                    .render(markdown)));
        }
    }

    /** {@code conv1d(filters, kernel_size, strides=1, padding=valid, ...)}. */
    static String signature(Entry entry) {
        return entry.name()
                + entry.options().stream()
                        .map(o -> o.name() + o.defaultValue().map(d -> "=" + d).orElse(o.required() ? "" : "=..."))
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    private void tensors(CompletionContext context) {
        Optional<ModelDecl> model = context.model()
                .flatMap(name -> analysis.compilation().syntaxTree().models().stream()
                        .filter(m -> m.name().equals(name))
                        .findFirst());
        for (String tensor : context.tensors()) {
            Optional<Binding> binding =
                    model.map(m -> analysis.index().bindings(m).get(tensor));
            String shape = binding.flatMap(b -> analysis.index().shape(b))
                    .map(Shape::toString)
                    .orElse("tensor");
            item(tensor, CompletionItemKind.Variable, shape, null, null);
        }
    }

    /**
     * At an argument: the values of the option a positional argument would set here (while no
     * keyword argument was given), then the options not given yet, in positional order.
     */
    private void arguments(Entry entry, CompletionContext context) {
        int positional = context.positionalArguments();
        if (!context.keywordGiven() && positional < entry.options().size()) {
            Option next = entry.options().get(positional);
            values(next, next.choices());
        }
        for (int position = 0; position < entry.options().size(); position++) {
            Option option = entry.options().get(position);
            if (position < positional || context.givenOptions().contains(option.name())) {
                continue;
            }
            CompletionItem item = item(option.name(), CompletionItemKind.Property, describe(option), null, null);
            item.setInsertText(option.name() + "=");
            item.setSortText(String.format(Locale.ROOT, "1%02d", position));
            item.setDocumentation(
                    Either.forRight(Hovers.option(entry.name(), option).render(markdown)));
        }
    }

    private void values(Option option, List<Choice> choices) {
        for (Choice choice : choices) {
            boolean isDefault =
                    option.defaultValue().filter(choice.name()::equals).isPresent();
            CompletionItem item = item(
                    choice.name(),
                    CompletionItemKind.EnumMember,
                    option.name() + (isDefault ? " (default)" : ""),
                    choice.doc(),
                    null);
            item.setSortText("0" + choice.name());
        }
    }

    private void optimizer(Entry optimizer) {
        CompletionItem item = item(optimizer.name(), CompletionItemKind.Function, optimizer.kerasClass(), null, null);
        item.setDocumentation(Either.forRight(Hovers.optimizer(optimizer).render(markdown)));
    }

    private void keyword(String keyword, String snippet) {
        item(keyword, CompletionItemKind.Keyword, "keyword", null, snippet);
    }

    /** {@code an integer, default 1} or {@code an integer, required}. */
    private static String describe(Option option) {
        return option.accepts() + ", "
                + (option.required()
                        ? "required"
                        : option.defaultValue().map(d -> "default " + d).orElse("optional"));
    }

    private CompletionItem item(String label, CompletionItemKind kind, String detail, String doc, String snippet) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        if (doc != null) {
            item.setDocumentation(Either.forRight(new Markup().paragraph(doc).render(markdown)));
        }
        if (snippet != null && snippets) {
            item.setInsertText(snippet);
            item.setInsertTextFormat(InsertTextFormat.Snippet);
        }
        items.add(item);
        return item;
    }
}
