package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamina plot}: a history CSV to a PNG or SVG picture of its curves. */
class PlotCommandTest {
    @TempDir
    Path dir;

    private Path history() throws IOException {
        return Files.writeString(
                dir.resolve("history.csv"),
                """
                epoch,loss,accuracy,val_loss,val_accuracy
                1,1.2,0.40,1.1,0.5
                2,0.9,0.60,0.95,0.6
                3,0.6,0.75,0.8,0.7
                4,0.4,0.85,0.82,0.72
                """);
    }

    @Test
    void drawsALossAndAnAccuracyPanelAsPng() throws IOException {
        Path png = dir.resolve("curves.png");
        CliRun run = CliRun.of("plot", history().toString(), "-o", png.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("Wrote " + png + " (1120x400): loss, val_loss, accuracy, val_accuracy over 4 epochs\n");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1120);
        assertThat(image.getHeight()).isEqualTo(400);
        int[] left = colours(image, 0, 560);
        int[] right = colours(image, 560, 1120);
        assertThat(left[0]).as("blue pixels of the loss curve").isGreaterThan(100);
        assertThat(left[1]).as("orange pixels of the val_loss curve").isGreaterThan(100);
        assertThat(right[0]).as("blue pixels of the accuracy curve").isGreaterThan(100);
        assertThat(right[1]).as("orange pixels of the val_accuracy curve").isGreaterThan(100);
    }

    @Test
    void aHistoryWithoutAccuracyHasOnePanelAndSvgIsAVectorPicture() throws IOException {
        Path csv = Files.writeString(dir.resolve("h.csv"), "epoch,loss\n1,0.5\n2,0.25\n3,0.125\n");
        Path svg = dir.resolve("curves.svg");
        CliRun run = CliRun.of("plot", csv.toString(), "-o", svg.toString(), "--title", "Toy");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Wrote " + svg + " (560x400): loss over 3 epochs\n");
        String text = Files.readString(svg);
        assertThat(text)
                .contains("<svg ")
                .contains("viewBox=\"0 0 560 400\"")
                .contains("stroke:rgb(31,119,180);stroke-width:2") // the training loss's line
                .doesNotContain("rgb(255,127,14)"); // no validation series
    }

    /** Keras's CSVLogger writes its columns in another order and counts epochs from 0. */
    @Test
    void readsKerasCsvLoggerFiles() throws IOException {
        Path csv = Files.writeString(
                dir.resolve("keras.csv"),
                "epoch,accuracy,loss,val_accuracy,val_loss\n0,0.5,1.0,0.4,1.1\n1,0.7,0.8,0.6,0.9\n");
        CliRun run =
                CliRun.of("plot", csv.toString(), "-o", dir.resolve("k.png").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith(": loss, val_loss, accuracy, val_accuracy over 2 epochs\n");
    }

    @Test
    void badInputsAreOneLineErrors() throws IOException {
        Path csv = history();
        CliRun format = CliRun.of(
                "plot", csv.toString(), "-o", dir.resolve("curves.jpg").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).startsWith("-o " + dir.resolve("curves.jpg") + ": name a .png or .svg file\n");

        CliRun missing = CliRun.of(
                "plot",
                dir.resolve("none.csv").toString(),
                "-o",
                dir.resolve("c.png").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err())
                .isEqualTo("lamina: cannot read " + dir.resolve("none.csv") + ": no such file or folder\n");

        Path bad = Files.writeString(dir.resolve("bad.csv"), "epoch,loss\n1,0.5\n2,abc\n");
        CliRun number =
                CliRun.of("plot", bad.toString(), "-o", dir.resolve("c.png").toString());
        assertThat(number.exitCode()).isEqualTo(1);
        assertThat(number.err()).isEqualTo("lamina: " + bad + ":3: loss is 'abc', which is not a number\n");

        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "epoch,loss\n1,0.5,7\n");
        CliRun columns =
                CliRun.of("plot", ragged.toString(), "-o", dir.resolve("c.png").toString());
        assertThat(columns.err()).isEqualTo("lamina: " + ragged + ":2: 3 values; the header has 2 columns\n");

        Path noLoss = Files.writeString(dir.resolve("acc.csv"), "epoch,accuracy\n1,0.5\n");
        CliRun loss =
                CliRun.of("plot", noLoss.toString(), "-o", dir.resolve("c.png").toString());
        assertThat(loss.err())
                .isEqualTo("lamina: " + noLoss + " has no loss or val_loss column to draw (its columns: epoch,"
                        + " accuracy)\n");

        Path header = Files.writeString(dir.resolve("header.csv"), "step,loss\n1,0.5\n");
        CliRun epoch =
                CliRun.of("plot", header.toString(), "-o", dir.resolve("c.png").toString());
        assertThat(epoch.err())
                .isEqualTo("lamina: " + header + ":1: the header step,loss has no epoch column and a metric;"
                        + " expected e.g. epoch,loss,val_loss\n");
        assertThat(dir.resolve("c.png")).doesNotExist();
    }

    /** Pixels close to the training blue and to the validation orange in columns {@code [from, to)}. */
    private static int[] colours(BufferedImage image, int from, int to) {
        int[] counts = new int[2];
        for (int x = from; x < to; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 31) < 30 && Math.abs(g - 119) < 30 && Math.abs(b - 180) < 30) {
                    counts[0]++;
                } else if (Math.abs(r - 255) < 30 && Math.abs(g - 127) < 30 && Math.abs(b - 14) < 30) {
                    counts[1]++;
                }
            }
        }
        return counts;
    }
}
