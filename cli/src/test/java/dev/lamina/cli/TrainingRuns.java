package dev.lamina.cli;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Specs and seeded data for tests that run {@code lamina train} end to end. */
final class TrainingRuns {
    private TrainingRuns() {}

    /** A spec, its inputs and its targets. */
    record Files3(Path spec, Path x, Path y) {
        /** {@code train SPEC --x X --y Y} followed by {@code options}. */
        String[] train(String... options) {
            return Stream.concat(
                            Stream.of("train", spec.toString(), "--x", x.toString(), "--y", y.toString()),
                            Stream.of(options))
                    .toArray(String[]::new);
        }
    }

    /**
     * A small sequence classifier (8 steps x 2 channels to 3 classes, one-hot) on {@code examples}
     * seeded examples whose class is the channel-0 pattern's sign changes.
     */
    static Files3 classifier(Path dir, int examples) throws IOException {
        Path spec = Files.writeString(
                dir.resolve("clf.lamina"),
                """
                model Clf {
                  input [8, 2]
                  conv1d(6, 3, activation=relu)
                  global_max_pooling1d
                  dropout(0.2)
                  dense(3, activation=softmax)
                  train {
                    loss categorical_crossentropy
                    optimizer adam(learning_rate=0.02)
                  }
                }
                """);
        SplittableRandom random = new SplittableRandom(17);
        float[] x = new float[examples * 16];
        float[] y = new float[examples * 3];
        for (int e = 0; e < examples; e++) {
            int label = e % 3;
            for (int t = 0; t < 8; t++) {
                double signal = label == 0 ? Math.sin(t) : label == 1 ? (t % 2 == 0 ? 1 : -1) : 0.3;
                x[e * 16 + t * 2] = (float) (signal + 0.4 * random.nextDouble(-1, 1));
                x[e * 16 + t * 2 + 1] = (float) random.nextDouble(-1, 1);
            }
            y[e * 3 + label] = 1;
        }
        return new Files3(
                spec,
                npy(dir.resolve("clf_x.npy"), new NdArray(new int[] {examples, 8, 2}, x)),
                npy(dir.resolve("clf_y.npy"), new NdArray(new int[] {examples, 3}, y)));
    }

    /**
     * A model large enough that a batch of 32 is split into 4 shards (so {@code --threads} really
     * splits it), with dropout, on {@code examples} seeded examples.
     */
    static Files3 wide(Path dir, int examples) throws IOException {
        Path spec = Files.writeString(
                dir.resolve("wide.lamina"),
                """
                model Wide {
                  input [64, 16]
                  conv1d(64, 5, activation=relu)
                  global_average_pooling1d
                  dropout(0.3)
                  dense(1)
                  train {
                    loss mse
                    optimizer adam(learning_rate=0.01)
                  }
                }
                """);
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[examples * 64 * 16];
        float[] y = new float[examples];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextDouble(-1, 1);
        }
        return new Files3(
                spec,
                npy(dir.resolve("wide_x.npy"), new NdArray(new int[] {examples, 64, 16}, x)),
                npy(dir.resolve("wide_y.npy"), new NdArray(new int[] {examples, 1}, y)));
    }

    private static Path npy(Path path, NdArray array) throws IOException {
        Npy.write(path, array);
        return path;
    }
}
