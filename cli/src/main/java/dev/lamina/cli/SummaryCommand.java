package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.check.LanguageCatalog;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.runtime.spec.InputSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lamina summary FILE}: Keras's {@code model.summary()} table for each model. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Prints a Keras-style summary: each layer's output shape and parameter count.")
public final class SummaryCommand implements Callable<Integer> {
    private static final int MIN_NAME_WIDTH = 29;
    private static final int MIN_SHAPE_WIDTH = 26;
    private static final int PARAM_WIDTH = 10;

    @Mixin
    ModelReportOptions options;

    @Override
    public Integer call() {
        return options.printEach(SummaryCommand::print);
    }

    static void print(CheckedModel model, PrintWriter out) {
        boolean graph = !model.spec().isChain();
        List<String[]> rows = new ArrayList<>();
        if (graph) {
            for (InputSpec input : model.inputs()) {
                rows.add(new String[] {input.name() + " (InputLayer)", BatchShapes.withBatch(input.shape()), "0", "-"});
            }
        }
        for (CheckedLayer layer : model.layers()) {
            rows.add(new String[] {
                label(layer),
                BatchShapes.withBatch(layer.output()),
                BatchShapes.count(layer.params()),
                layer.inputs().stream().map(t -> t + "[0][0]").collect(Collectors.joining(", "))
            });
        }
        int nameWidth = MIN_NAME_WIDTH;
        int shapeWidth = MIN_SHAPE_WIDTH;
        int connectedWidth = 0;
        for (String[] row : rows) {
            nameWidth = Math.max(nameWidth, row[0].length() + 2);
            shapeWidth = Math.max(shapeWidth, row[1].length() + 2);
            connectedWidth = Math.max(connectedWidth, row[3].length());
        }
        int rule = 1 + nameWidth + shapeWidth + PARAM_WIDTH + (graph ? 2 + Math.max(connectedWidth, 12) : 0);
        out.println("Model: \"" + model.name() + "\"");
        out.println("_".repeat(rule));
        out.println(row(
                new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"},
                graph,
                nameWidth,
                shapeWidth));
        out.println("=".repeat(rule));
        for (int i = 0; i < rows.size(); i++) {
            out.println(row(rows.get(i), graph, nameWidth, shapeWidth));
            out.println(i == rows.size() - 1 ? "=".repeat(rule) : "_".repeat(rule));
        }
        if (rows.isEmpty()) {
            out.println("=".repeat(rule));
        }
        long frozen = model.spec().nonTrainableParameterCount();
        out.println("Total params: " + BatchShapes.count(model.totalParams()));
        out.println("Trainable params: " + BatchShapes.count(model.totalParams() - frozen));
        out.println("Non-trainable params: " + BatchShapes.count(frozen));
        out.println("_".repeat(rule));
    }

    private static String label(CheckedLayer layer) {
        return layer.name() + " (" + LanguageCatalog.kerasClass(layer.type()) + ")";
    }

    private static String row(String[] cells, boolean graph, int nameWidth, int shapeWidth) {
        String text = " " + pad(cells[0], nameWidth) + pad(cells[1], shapeWidth)
                + (graph ? pad(cells[2], PARAM_WIDTH + 2) + cells[3] : cells[2]);
        return text.stripTrailing();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
