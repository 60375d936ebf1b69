package dev.lamina.spark;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Weights;
import dev.lamina.runtime.optim.OptimizerState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checkpoints of a training run in a folder of any Hadoop file system (HDFS, S3A, a local path):
 * {@code step-000000120/} holds {@code weights.lamina} (a Lamina weights file, usable by {@code
 * lamina predict}), {@code optimizer.lamina} (the optimizer's slots in the same format, as {@code
 * slot/layer/param}) and {@code progress.properties}. A checkpoint is written in a hidden folder
 * and renamed into place, so a reader sees whole checkpoints only; the oldest beyond the number to
 * keep are deleted.
 */
final class CheckpointStore {
    static final String WEIGHTS = "weights.lamina";
    static final String OPTIMIZER = "optimizer.lamina";
    static final String PROGRESS = "progress.properties";
    private static final Pattern STEP_FOLDER = Pattern.compile("step-(\\d+)");

    private final Path folder;
    private final Configuration configuration;
    private final int keep;

    CheckpointStore(String folder, Configuration configuration, int keep) {
        this.folder = new Path(folder);
        this.configuration = configuration;
        this.keep = keep;
    }

    /** Writes a checkpoint of {@code model} (weights and optimizer state) at {@code progress}; returns its path. */
    String save(TrainingProgress progress, Model model) throws IOException {
        FileSystem fs = folder.getFileSystem(configuration);
        fs.mkdirs(folder);
        String name = String.format("step-%09d", progress.step());
        Path hidden = new Path(folder, "." + name + "-" + UUID.randomUUID());
        Path target = new Path(folder, name);
        fs.mkdirs(hidden);
        java.nio.file.Path local = Files.createTempDirectory("lamina-checkpoint");
        try {
            OptimizerState state = model.optimizer().state(model.parameters());
            Properties properties = progress.toProperties();
            properties.setProperty("optimizer", state.optimizer());
            properties.setProperty("optimizerIterations", Long.toString(state.iterations()));
            for (Map.Entry<String, Double> scalar : state.scalars().entrySet()) {
                properties.setProperty("optimizerScalar." + scalar.getKey(), Double.toHexString(scalar.getValue()));
            }
            model.saveWeights(local.resolve(WEIGHTS));
            Weights.write(local.resolve(OPTIMIZER), slotTensors(state));
            fs.copyFromLocalFile(true, true, new Path(local.resolve(WEIGHTS).toUri()), new Path(hidden, WEIGHTS));
            fs.copyFromLocalFile(true, true, new Path(local.resolve(OPTIMIZER).toUri()), new Path(hidden, OPTIMIZER));
            try (OutputStream out = fs.create(new Path(hidden, PROGRESS), true)) {
                properties.store(out, "Lamina training checkpoint");
            }
        } finally {
            deleteLocal(local);
        }
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(hidden, target)) {
            throw new IOException("could not rename " + hidden + " to " + target);
        }
        List<Path> all = checkpoints(fs, folder);
        for (int i = 0; i < all.size() - keep; i++) {
            fs.delete(all.get(i), true);
        }
        return target.toString();
    }

    /** The newest checkpoint in this store's folder, if any. */
    Optional<String> latest() throws IOException {
        return latest(folder, configuration);
    }

    /**
     * Loads the checkpoint at {@code location} (a {@code step-N} folder, or a folder of them: then
     * the newest) into {@code model}, weights and optimizer, after checking it belongs to {@code
     * run}; returns its progress.
     *
     * @throws IllegalArgumentException when there is no checkpoint there or it is for another run
     */
    static TrainingProgress load(String location, Configuration configuration, Model model, TrainingProgress run)
            throws IOException {
        Path path = new Path(location);
        FileSystem fs = path.getFileSystem(configuration);
        if (!fs.exists(new Path(path, PROGRESS))) {
            path = new Path(latest(path, configuration)
                    .orElseThrow(() -> new IllegalArgumentException("no checkpoint at " + location
                            + ": neither a step-N folder with " + PROGRESS + " nor a folder holding one")));
        }
        Properties properties = new Properties();
        try (InputStream in = fs.open(new Path(path, PROGRESS))) {
            properties.load(in);
        }
        TrainingProgress saved = TrainingProgress.fromProperties(properties, path.toString());
        run.checkSameRun(saved, path.toString());
        java.nio.file.Path local = Files.createTempDirectory("lamina-checkpoint");
        try {
            fs.copyToLocalFile(
                    false,
                    new Path(path, WEIGHTS),
                    new Path(local.resolve(WEIGHTS).toUri()),
                    true);
            fs.copyToLocalFile(
                    false,
                    new Path(path, OPTIMIZER),
                    new Path(local.resolve(OPTIMIZER).toUri()),
                    true);
            OptimizerState state = slotState(Weights.read(local.resolve(OPTIMIZER)), properties);
            model.loadWeights(local.resolve(WEIGHTS));
            model.optimizer().restore(model.parameters(), state);
        } finally {
            deleteLocal(local);
        }
        return saved;
    }

    private static Optional<String> latest(Path folder, Configuration configuration) throws IOException {
        FileSystem fs = folder.getFileSystem(configuration);
        if (!fs.exists(folder)) {
            return Optional.empty();
        }
        List<Path> all = checkpoints(fs, folder);
        return all.isEmpty()
                ? Optional.empty()
                : Optional.of(all.get(all.size() - 1).toString());
    }

    /** The complete checkpoints of {@code folder}, oldest first. */
    private static List<Path> checkpoints(FileSystem fs, Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        for (FileStatus status : fs.listStatus(folder)) {
            Matcher m = STEP_FOLDER.matcher(status.getPath().getName());
            if (status.isDirectory() && m.matches() && fs.exists(new Path(status.getPath(), PROGRESS))) {
                found.add(status.getPath());
            }
        }
        found.sort((a, b) -> Long.compare(stepOf(a), stepOf(b)));
        return found;
    }

    private static long stepOf(Path checkpoint) {
        return Long.parseLong(checkpoint.getName().substring("step-".length()));
    }

    /** The optimizer's slot arrays as tensors, one per slot and parameter, keyed like the state. */
    private static Map<String, NdArray> slotTensors(OptimizerState state) {
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        state.slots().forEach((key, values) -> tensors.put(key, new NdArray(new int[] {values.length}, values)));
        return tensors;
    }

    private static OptimizerState slotState(Map<String, NdArray> tensors, Properties properties) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("optimizerScalar.")) {
                scalars.put(
                        name.substring("optimizerScalar.".length()), Double.parseDouble(properties.getProperty(name)));
            }
        }
        Map<String, float[]> slots = new LinkedHashMap<>();
        tensors.forEach((key, tensor) -> slots.put(key, tensor.data()));
        return new OptimizerState(
                properties.getProperty("optimizer", ""),
                Long.parseLong(properties.getProperty("optimizerIterations", "-1")),
                scalars,
                slots);
    }

    private static void deleteLocal(java.nio.file.Path folder) {
        try (var files = Files.list(folder)) {
            for (java.nio.file.Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary folder " + folder, e);
        }
    }
}
