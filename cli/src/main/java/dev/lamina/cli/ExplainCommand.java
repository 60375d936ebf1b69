package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.ir.CheckedLayer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
        out.println("Model \"" + model.name() + "\": input " + model.input().shape()
                + (model.input().integerIds() ? " of token ids" : "") + " per example (batch axis not shown)");
        for (CheckedLayer layer : model.layers()) {
            out.println();
            out.println(layer.name() + " (" + KerasTypes.className(layer.type()) + ", line "
                    + layer.span().line() + "): " + layer.input() + " -> " + layer.output());
            for (String line : layer.derivation()) {
                out.println("  " + line);
            }
        }
        out.println();
        out.println("Output: " + model.outputShape() + "; total params: " + BatchShapes.count(model.totalParams()));
    }
}
