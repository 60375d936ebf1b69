package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.ir.CheckedLayer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
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
        List<CheckedLayer> layers = model.layers();
        int nameWidth = MIN_NAME_WIDTH;
        int shapeWidth = MIN_SHAPE_WIDTH;
        for (CheckedLayer layer : layers) {
            nameWidth = Math.max(nameWidth, label(layer).length() + 2);
            shapeWidth =
                    Math.max(shapeWidth, BatchShapes.withBatch(layer.output()).length() + 2);
        }
        int rule = 1 + nameWidth + shapeWidth + PARAM_WIDTH;
        out.println("Model: \"" + model.name() + "\"");
        out.println("_".repeat(rule));
        out.println(row("Layer (type)", "Output Shape", "Param #", nameWidth, shapeWidth));
        out.println("=".repeat(rule));
        for (int i = 0; i < layers.size(); i++) {
            CheckedLayer layer = layers.get(i);
            out.println(row(
                    label(layer),
                    BatchShapes.withBatch(layer.output()),
                    BatchShapes.count(layer.params()),
                    nameWidth,
                    shapeWidth));
            out.println(i == layers.size() - 1 ? "=".repeat(rule) : "_".repeat(rule));
        }
        if (layers.isEmpty()) {
            out.println("=".repeat(rule));
        }
        out.println("Total params: " + BatchShapes.count(model.totalParams()));
        out.println("Trainable params: " + BatchShapes.count(model.totalParams()));
        out.println("Non-trainable params: 0");
        out.println("_".repeat(rule));
    }

    private static String label(CheckedLayer layer) {
        return layer.name() + " (" + KerasTypes.className(layer.type()) + ")";
    }

    private static String row(String name, String shape, String params, int nameWidth, int shapeWidth) {
        return (" " + pad(name, nameWidth) + pad(shape, shapeWidth) + params).stripTrailing();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
