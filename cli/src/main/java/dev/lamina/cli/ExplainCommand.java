package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.check.LanguageCatalog;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.runtime.spec.InputSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lamina explain FILE}: how each layer's output shape and parameter count are derived. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Explains, layer by layer, how each output shape and parameter count is computed.")
public final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ModelReportOptions options;

    @Override
    public Integer call() {
        return options.printEach(ExplainCommand::print);
    }

    static void print(CheckedModel model, PrintWriter out) {
        List<InputSpec> inputs = model.inputs();
        boolean graph = !model.spec().isChain();
        if (inputs.size() == 1) {
            InputSpec input = inputs.get(0);
            out.println("Model \"" + model.name() + "\": input " + (graph ? input.name() + " " : "") + input.shape()
                    + (input.integerIds() ? " of token ids" : "") + " per example (batch axis not shown)");
        } else {
            out.println("Model \"" + model.name() + "\": inputs "
                    + inputs.stream()
                            .map(i -> i.name() + " " + i.shape() + (i.integerIds() ? " of token ids" : ""))
                            .collect(Collectors.joining(", "))
                    + " per example (batch axis not shown)");
        }
        for (CheckedLayer layer : model.layers()) {
            out.println();
            out.println(layer.name() + " (" + LanguageCatalog.kerasClass(layer.type()) + ", line "
                    + layer.span().line() + "): " + layer.inputText() + " -> " + layer.output());
            if (graph) {
                out.println("  reads: " + String.join(", ", layer.inputs()));
            }
            for (String line : layer.derivation()) {
                out.println("  " + line);
            }
        }
        out.println();
        out.println("Output: " + (graph ? model.spec().output() + " " : "") + model.outputShape() + "; total params: "
                + BatchShapes.count(model.totalParams()));
    }
}
