package dev.lamina.cli;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link HistoryCsv} with XChart: a "Loss" panel (loss and val_loss) and, when the history
 * has them, an "Accuracy" panel (accuracy and val_accuracy) side by side, training in blue and
 * validation in orange, epochs on the x axis; as PNG or SVG bytes.
 */
final class HistoryChart {
    private static final Color TRAINING = new Color(31, 119, 180);
    private static final Color VALIDATION = new Color(255, 127, 14);

    /** What the picture is written as, by the output file's extension. */
    enum Format {
        PNG,
        SVG;

        /** The format of a file name ending in {@code .png} or {@code .svg} (any case), or null. */
        static Format of(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            return lower.endsWith(".png") ? PNG : lower.endsWith(".svg") ? SVG : null;
        }
    }

    private final List<XYChart> panels = new ArrayList<>();
    private final int panelWidth;
    private final int height;

    /**
     * The panels of {@code history} (which has a loss or val_loss column), each {@code panelWidth}
     * by {@code height} pixels.
     */
    HistoryChart(HistoryCsv history, String title, int panelWidth, int height) {
        this.panelWidth = panelWidth;
        this.height = height;
        panels.add(panel(
                history, title.isEmpty() ? "Loss" : title + ": loss", "loss", history.present("loss", "val_loss")));
        List<String> accuracies = history.present("accuracy", "val_accuracy");
        if (!accuracies.isEmpty()) {
            panels.add(panel(history, title.isEmpty() ? "Accuracy" : title + ": accuracy", "accuracy", accuracies));
        }
    }

    /** The series drawn, panel by panel, e.g. {@code [loss, val_loss, accuracy, val_accuracy]}. */
    List<String> seriesNames() {
        return panels.stream().flatMap(p -> p.getSeriesMap().keySet().stream()).toList();
    }

    int width() {
        return panelWidth * panels.size();
    }

    byte[] render(Format format) {
        return format == Format.PNG ? png() : svg();
    }

    private XYChart panel(HistoryCsv history, String title, String axis, List<String> names) {
        XYChart chart = new XYChartBuilder()
                .width(panelWidth)
                .height(height)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(axis)
                .build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        // Losses fall and accuracies rise: the legend goes in the corner the curves leave free.
        styler.setLegendPosition(axis.equals("loss") ? Styler.LegendPosition.InsideNE : Styler.LegendPosition.InsideSE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setXAxisDecimalPattern("#");
        for (String name : names) {
            double[][] points = points(history.epochs(), history.series().get(name));
            if (points[0].length == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(name, points[0], points[1]);
            series.setLineColor(name.startsWith("val_") ? VALIDATION : TRAINING);
            series.setMarkerColor(name.startsWith("val_") ? VALIDATION : TRAINING);
            series.setMarker(points[0].length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            series.setLineStyle(new BasicStroke(2f));
        }
        return chart;
    }

    /** The epochs and values where the value was measured (not empty, finite). */
    private static double[][] points(double[] epochs, double[] values) {
        int n = 0;
        for (double v : values) {
            n += Double.isFinite(v) ? 1 : 0;
        }
        double[][] points = new double[2][n];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                points[0][k] = epochs[i];
                points[1][k++] = values[i];
            }
        }
        return points;
    }

    private void paint(Graphics2D g) {
        for (int i = 0; i < panels.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create(i * panelWidth, 0, panelWidth, height);
            panels.get(i).paint(panel, panelWidth, height);
            panel.dispose();
        }
    }

    private byte[] png() {
        BufferedImage image = new BufferedImage(width(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paint(g);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private byte[] svg() {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new SVGProcessor()
                    .getDocument(g.getCommands(), new PageSize(0, 0, width(), height))
                    .writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
