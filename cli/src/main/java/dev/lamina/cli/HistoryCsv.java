package dev.lamina.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training history read from CSV: {@code train --history}'s files, or Keras's {@code CSVLogger}'s
 * (any column order, epochs counted from 0). The header names the columns; the one named {@code
 * epoch} is the x axis, every other column a series of numbers, with empty cells for values an epoch
 * did not measure.
 */
record HistoryCsv(double[] epochs, Map<String, double[]> series) {
    /** Reads {@code file}; every problem is a one-line message naming the file (and the line). */
    static HistoryCsv read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileErrors.of("cannot read", file, e);
        }
        lines = lines.stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; expected a header such as epoch,loss,val_loss");
        }
        List<String> header =
                Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
        int epochColumn = header.indexOf("epoch");
        if (epochColumn < 0 || header.size() < 2) {
            throw new IllegalArgumentException(file + ":1: the header " + lines.get(0)
                    + " has no epoch column and a metric; expected e.g. epoch,loss,val_loss");
        }
        if (lines.size() == 1) {
            throw new IllegalArgumentException(file + " has no epochs yet (only its header)");
        }
        int rows = lines.size() - 1;
        double[] epochs = new double[rows];
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String name : header) {
            if (!name.equals("epoch")) {
                series.put(name, new double[rows]);
            }
        }
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).split(",", -1);
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(file + ":" + (r + 2) + ": " + cells.length + " values; the header"
                        + " has " + header.size() + " columns");
            }
            for (int c = 0; c < cells.length; c++) {
                double value = parse(cells[c].strip(), file, r + 2, header.get(c));
                if (c == epochColumn) {
                    if (Double.isNaN(value)) {
                        throw new IllegalArgumentException(file + ":" + (r + 2) + ": the epoch is missing");
                    }
                    epochs[r] = value;
                } else {
                    series.get(header.get(c))[r] = value;
                }
            }
        }
        return new HistoryCsv(epochs, series);
    }

    /** The columns among {@code names} that this history has, in that order. */
    List<String> present(String... names) {
        List<String> present = new ArrayList<>();
        for (String name : names) {
            if (series.containsKey(name)) {
                present.add(name);
            }
        }
        return present;
    }

    private static double parse(String cell, Path file, int line, String column) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + ":" + line + ": " + column + " is '" + cell + "', which is not a number");
        }
    }
}
