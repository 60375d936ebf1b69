package dev.lamina.cli;

import dev.lamina.keras.ImportedModel;
import dev.lamina.keras.KerasImportException;
import dev.lamina.keras.KerasImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamina import MODEL_FILE [--weights W] [-d DIR]}: imports a Keras model as {@code
 * DIR/<Name>.lamina} and {@code DIR/<Name>.weights}, then prints both paths and the model's
 * summary. Anything Lamina cannot reproduce is one error naming the Keras layer and class; on any
 * error nothing is written.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Imports a Keras model as a .lamina spec and Lamina weights, then prints the files and the summary.",
            "Reads legacy HDF5 model files (Keras 2, tf.keras: .h5, .hdf5), Keras 3 archives (.keras), and an"
                    + " architecture JSON (model.to_json()) with its weights (--weights). The format is told from"
                    + " the file's first bytes, not its name. On any error nothing is written."
        })
public final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "MODEL_FILE",
            description = "The Keras model file, or the architecture JSON when --weights is given.")
    Path modelFile;

    @Option(
            names = "--weights",
            paramLabel = "W",
            description = "The weights of an architecture JSON: an HDF5 file written by save_weights.")
    Path weights;

    @Option(
            names = "-d",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Folder to write <Name>.lamina and <Name>.weights into, created if missing"
                    + " (default: the current folder).")
    Path dir;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The Lamina model name, which also names the files (default: the file's name in"
                    + " UpperCamelCase, e.g. cnn1d_model.keras gives Cnn1dModel).")
    String name;

    @Override
    public Integer call() {
        if (name != null && !KerasImporter.isValidModelName(name)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--name " + name + " is not a model name: use letters, digits and _, starting with a letter");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportedModel model;
        try {
            model = weights == null
                    ? KerasImporter.importModel(modelFile, name)
                    : KerasImporter.importModel(modelFile, weights, name);
        } catch (KerasImportException e) {
            err.println("lamina: " + e.getMessage());
            err.println("nothing was written");
            return LaminaCli.EXIT_FAILURE;
        }
        ImportedModel.WrittenFiles files;
        try {
            files = model.write(dir);
        } catch (IOException e) {
            throw FileErrors.of("cannot write the imported model into", dir, e);
        }
        out.println("Imported " + model.source());
        out.println("wrote " + files.spec());
        out.println("wrote " + files.weights());
        out.println();
        SummaryCommand.print(model.model(), out);
        out.flush();
        return LaminaCli.EXIT_OK;
    }
}
