package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.onnx.OnnxExportException;
import dev.lamina.onnx.OnnxExporter;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamina export SPEC --weights W --onnx OUT.onnx}: writes a model with its trained weights as
 * a standard ONNX model (opset 17) for ONNX Runtime and other ONNX tools, inputs named and laid out
 * like the spec's. The file is written completely or not at all.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Exports a model with its weights as an ONNX model (opset " + OnnxExporter.OPSET + ").",
            "Inputs keep the spec's names and layout (batch first, channels-last unless a layer says"
                    + " channels_first; token ids as int64); the output is named like the model's output."
                    + " On any error nothing is written."
        })
public final class ExportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The .lamina file.")
    Path specFile;

    @Option(names = "--model", paramLabel = "NAME", description = "The model to export, when the file has several.")
    String modelName;

    @Option(names = "--weights", required = true, paramLabel = "W", description = "Weights saved by lamina train.")
    Path weights;

    @Option(names = "--onnx", required = true, paramLabel = "OUT.onnx", description = "The ONNX file to write.")
    Path onnx;

    @Override
    public Integer call() {
        if (!onnx.toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            throw new ParameterException(spec.commandLine(), "--onnx must name a .onnx file, got " + onnx);
        }
        FileErrors.checkFolderExists("--onnx", onnx);
        Optional<CheckedModel> definition = SingleModel.load(spec.commandLine(), specFile, modelName);
        if (definition.isEmpty()) {
            return LaminaCli.EXIT_FAILURE;
        }
        Model model = new Interpreter(definition.get().spec(), 0);
        WeightsFiles.load(model, weights);
        PrintWriter out = spec.commandLine().getOut();
        try {
            OnnxExporter.write(model, onnx);
        } catch (OnnxExportException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("lamina: " + e.getMessage());
            err.println("nothing was written");
            return LaminaCli.EXIT_FAILURE;
        } catch (IOException e) {
            throw FileErrors.of("cannot write --onnx", onnx, e);
        }
        out.println("Exported model " + model.name() + " (" + Plural.of(model.parameterCount(), "parameter") + ") to "
                + onnx + ", ONNX opset " + OnnxExporter.OPSET);
        for (InputSpec input : model.inputs()) {
            out.println("  input  " + input.name() + " " + dims(input.shape()) + " "
                    + (input.integerIds() ? "int64 (token ids)" : "float"));
        }
        out.println("  output " + model.spec().output() + " " + dims(model.outputShape()) + " float");
        out.flush();
        return LaminaCli.EXIT_OK;
    }

    /** {@code [batch, 4, 1]}, a length known only at run time as {@code ?}. */
    private static String dims(Shape shape) {
        StringBuilder text = new StringBuilder("[batch");
        for (int d : shape.dims()) {
            text.append(", ").append(d == Shape.UNKNOWN ? "?" : Integer.toString(d));
        }
        return text.append(']').toString();
    }
}
