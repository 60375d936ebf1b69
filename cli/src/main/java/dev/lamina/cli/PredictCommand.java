package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import dev.lamina.runtime.spec.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lamina predict SPEC --weights W --x X}: runs a trained model in inference mode and writes
 * its outputs as a float32 {@code .npy} of shape (N, *output shape), or prints them one example per
 * line (comma-separated, flattened) when {@code --out} is absent.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Runs a trained model on .npy or .csv inputs and writes or prints its outputs.")
public final class PredictCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--model", paramLabel = "NAME", description = "The model to run, when the file has several.")
    String modelName;

    @Option(names = "--weights", required = true, paramLabel = "W", description = "Weights saved by lamina train.")
    Path weights;

    @Option(
            names = "--out",
            paramLabel = "Y.npy",
            description = "Where to write the outputs (float32 .npy); without it they are printed.")
    Path out;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            defaultValue = "32",
            description = "Examples per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batchSize);
        }
        if (out != null && !out.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
            throw new ParameterException(spec.commandLine(), "--out must name a .npy file, got " + out);
        }
        OptionalInt relaunched = modelOptions.checkBackend(spec.commandLine());
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        if (out != null) {
            FileErrors.checkFolderExists("--out", out);
        }
        Optional<ModelOptions.Loaded> loaded = modelOptions.load(spec.commandLine(), modelName);
        if (loaded.isEmpty()) {
            return LaminaCli.EXIT_FAILURE;
        }
        CheckedModel definition = loaded.get().definition();
        ModelInputs inputs = loaded.get().inputs();
        Model model = modelOptions.create(definition.spec(), 0);
        WeightsFiles.load(model, weights);
        Shape output = SingleModel.outputShape(definition, inputs.shapes());
        float[] predictions = predict(model, inputs, output.size());
        if (out != null) {
            int[] dims = new int[output.rank() + 1];
            dims[0] = inputs.count();
            System.arraycopy(output.dims(), 0, dims, 1, output.rank());
            try {
                Npy.write(out, new NdArray(dims, predictions));
            } catch (IOException e) {
                throw FileErrors.of("cannot write --out", out, e);
            }
            spec.commandLine()
                    .getOut()
                    .println("Wrote " + Plural.of(inputs.count(), "prediction") + " of shape " + output + " to " + out);
        } else {
            print(predictions, inputs.count(), output.size(), spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return LaminaCli.EXIT_OK;
    }

    /** Runs the examples through the model in batches of at most {@link #batchSize}. */
    private float[] predict(Model model, ModelInputs inputs, int outputSize) {
        float[][] values = inputs.arrays();
        int[] inputSizes = inputs.shapes().stream().mapToInt(Shape::size).toArray();
        float[] predictions = new float[inputs.count() * outputSize];
        float[][] batch = new float[values.length][];
        for (int first = 0; first < inputs.count(); first += batchSize) {
            int size = Math.min(batchSize, inputs.count() - first);
            for (int i = 0; i < values.length; i++) {
                batch[i] = Arrays.copyOfRange(values[i], first * inputSizes[i], (first + size) * inputSizes[i]);
            }
            float[] y = model.predict(batch, size);
            System.arraycopy(y, 0, predictions, first * outputSize, size * outputSize);
        }
        return predictions;
    }

    private static void print(float[] predictions, int count, int outputSize, PrintWriter out) {
        for (int e = 0; e < count; e++) {
            StringJoiner line = new StringJoiner(",");
            for (int i = 0; i < outputSize; i++) {
                line.add(Float.toString(predictions[e * outputSize + i]));
            }
            out.println(line);
        }
    }
}
