package dev.lamina.cli;

import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamina plot HISTORY.csv -o curves.png}: draws the loss and accuracy curves of a training
 * history ({@code train --history}, or a Keras {@code CSVLogger} file) as a PNG or SVG picture.
 */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description =
                "Draws the loss and accuracy curves of a training history (train --history CSV) as .png or" + " .svg.")
public final class PlotCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "HISTORY",
            description = "The history CSV: epoch,loss[,accuracy][,val_loss][,val_accuracy].")
    Path history;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "PICTURE",
            description = "The picture to write: .png or .svg (replaced atomically).")
    Path out;

    @Option(
            names = "--title",
            paramLabel = "TEXT",
            defaultValue = "",
            description = "Put before the panel titles, e.g. the model's name.")
    String title;

    @Option(
            names = "--width",
            paramLabel = "PX",
            defaultValue = "560",
            description = "Width of each panel in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(
            names = "--height",
            paramLabel = "PX",
            defaultValue = "400",
            description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Override
    public Integer call() {
        HistoryChart.Format format = HistoryChart.Format.of(out.getFileName().toString());
        if (format == null) {
            throw new ParameterException(spec.commandLine(), "-o " + out + ": name a .png or .svg file");
        }
        if (width < 200 || height < 150) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--width must be at least 200 and --height at least 150, got " + width + "x" + height);
        }
        FileErrors.checkWritableFile("-o", out, "curves.png");
        System.setProperty("java.awt.headless", "true");
        HistoryCsv csv = HistoryCsv.read(history);
        if (csv.present("loss", "val_loss").isEmpty()) {
            throw new IllegalArgumentException(history + " has no loss or val_loss column to draw (its columns: epoch, "
                    + String.join(", ", csv.series().keySet()) + ")");
        }
        HistoryChart chart = new HistoryChart(csv, title, width, height);
        try {
            AtomicFiles.write(out, chart.render(format));
        } catch (IOException e) {
            throw FileErrors.of("cannot write", out, e);
        }
        spec.commandLine()
                .getOut()
                .println("Wrote " + out + " (" + chart.width() + "x" + height + "): "
                        + String.join(", ", chart.seriesNames()) + " over " + Plural.of(csv.epochs().length, "epoch"));
        return LaminaCli.EXIT_OK;
    }
}
