package dev.lamina.samples;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the synthetic sensor recordings of {@link SensorData} as {@code .npy} files for {@code
 * lamina train samples/models/activity_cnn.lamina}: {@code activity_x.npy} (N, 511, 2) and {@code
 * activity_y.npy} (N, 4), one-hot. Usage: {@code SensorDataFiles N FOLDER [SEED [NOISE]]} (seed 1
 * and noise 0.2 by default: every step gets uniform noise in {@code [-NOISE, NOISE]}, where the
 * signals' amplitude is 0.5 to 1.5).
 */
public final class SensorDataFiles {
    private SensorDataFiles() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: SensorDataFiles N FOLDER [SEED [NOISE]]");
            System.exit(2);
        }
        Path folder = Path.of(args[1]);
        write(
                Integer.parseInt(args[0]),
                folder,
                args.length >= 3 ? Long.parseLong(args[2]) : 1,
                args.length == 4 ? Double.parseDouble(args[3]) : 0.2);
        System.out.println("wrote " + folder.resolve("activity_x.npy") + " and " + folder.resolve("activity_y.npy"));
    }

    /** Writes {@code n} recordings generated from {@code seed} with {@code noise} into {@code folder}. */
    static void write(int n, Path folder, long seed, double noise) throws IOException {
        SensorData.Batch batch = SensorData.generate(n, seed, noise);
        Files.createDirectories(folder);
        Npy.write(
                folder.resolve("activity_x.npy"),
                new NdArray(new int[] {n, SensorData.STEPS, SensorData.CHANNELS}, batch.x()));
        Npy.write(folder.resolve("activity_y.npy"), new NdArray(new int[] {n, SensorData.CLASSES}, batch.y()));
    }
}
