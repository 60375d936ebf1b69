package dev.lamina.runtime.train;

import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Weights;
import dev.lamina.runtime.io.WeightsFormatException;
import dev.lamina.runtime.optim.OptimizerState;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The checkpoint file format (little endian): the magic {@code LMNC}, a u32 version (1), a u32
 * length and that many bytes of UTF-8 text, one {@code key=value} per line (the settings, epoch,
 * stream seed, optimizer scalars, early-stopping state and history, every double in Java's exact
 * hexadecimal form), then the tensors in the weights format: {@code weights/<layer>/<param>}, {@code
 * optimizer/<slot>/<layer>/<param>} and {@code best/<layer>/<param>}.
 */
final class CheckpointFile {
    static final byte[] MAGIC = {'L', 'M', 'N', 'C'};
    static final int VERSION = 1;

    private static final String SETTING = "setting.";
    private static final String SCALAR = "optimizer.scalar.";
    private static final String HISTORY = "history.";
    private static final String WEIGHTS = "weights/";
    private static final String SLOTS = "optimizer/";
    private static final String BEST = "best/";

    private CheckpointFile() {}

    static void write(Path file, Checkpoint checkpoint) throws IOException {
        Map<String, String> text = new LinkedHashMap<>();
        checkpoint.settings().forEach((k, v) -> text.put(SETTING + k, v));
        text.put("epoch", Integer.toString(checkpoint.epoch()));
        text.put("stream_seed", Long.toString(checkpoint.streamSeed()));
        OptimizerState optimizer = checkpoint.optimizer();
        text.put("optimizer", optimizer.optimizer());
        text.put("optimizer.iterations", Long.toString(optimizer.iterations()));
        optimizer.scalars().forEach((k, v) -> text.put(SCALAR + k, Double.toHexString(v)));
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        checkpoint.weights().forEach((k, v) -> tensors.put(WEIGHTS + k, v));
        optimizer.slots().forEach((k, v) -> tensors.put(SLOTS + k, new NdArray(new int[] {v.length}, v)));
        checkpoint.earlyStopping().ifPresent(state -> {
            text.put("early_stopping.best", Double.toHexString(state.best()));
            text.put("early_stopping.best_epoch", Integer.toString(state.bestEpoch()));
            text.put("early_stopping.wait", Integer.toString(state.waited()));
            text.put("early_stopping.stopped_epoch", Integer.toString(state.stoppedEpoch()));
            state.bestWeights().forEach((k, v) -> tensors.put(BEST + k, v));
        });
        for (EpochResult r : checkpoint.history()) {
            text.put(
                    HISTORY + r.epoch(),
                    String.join(
                            ",",
                            Double.toHexString(r.loss()),
                            hex(r.accuracy()),
                            hex(r.validationLoss()),
                            hex(r.validationAccuracy()),
                            Long.toString(r.millis()),
                            Integer.toString(r.epochs())));
        }
        StringBuilder lines = new StringBuilder();
        text.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        byte[] header = lines.toString().getBytes(StandardCharsets.UTF_8);
        byte[] blob = Weights.encode(tensors);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 8 + header.length + blob.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(VERSION).putInt(header.length).put(header).put(blob);
        AtomicFiles.write(file, out.array());
    }

    static Checkpoint read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, NdArray> tensors;
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CheckpointFormatException(file + " is not a Lamina checkpoint (it does not start with LMNC)");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new CheckpointFormatException(
                        file + " has checkpoint format version " + version + "; this runtime reads version " + VERSION);
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new CheckpointFormatException(file + " is truncated (" + bytes.length + " bytes)");
            }
            byte[] header = new byte[length];
            in.get(header);
            for (String line : new String(header, StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (eq < 1) {
                    throw corrupt(file, "the line '" + line + "' is not key=value");
                }
                text.put(line.substring(0, eq), line.substring(eq + 1));
            }
            tensors = Weights.decode(Arrays.copyOfRange(bytes, in.position(), bytes.length), file.toString());
        } catch (BufferUnderflowException e) {
            throw new CheckpointFormatException(file + " is truncated (" + bytes.length + " bytes)");
        } catch (WeightsFormatException e) {
            throw new CheckpointFormatException(e.getMessage());
        }
        return parse(file, text, tensors);
    }

    private static Checkpoint parse(Path file, Map<String, String> text, Map<String, NdArray> tensors)
            throws CheckpointFormatException {
        try {
            Map<String, String> settings = new LinkedHashMap<>();
            Map<String, Double> scalars = new LinkedHashMap<>();
            List<EpochResult> history = new ArrayList<>();
            for (Map.Entry<String, String> e : text.entrySet()) {
                if (e.getKey().startsWith(SETTING)) {
                    settings.put(e.getKey().substring(SETTING.length()), e.getValue());
                } else if (e.getKey().startsWith(SCALAR)) {
                    scalars.put(e.getKey().substring(SCALAR.length()), Double.parseDouble(e.getValue()));
                } else if (e.getKey().startsWith(HISTORY)) {
                    history.add(
                            epochResult(Integer.parseInt(e.getKey().substring(HISTORY.length())), e.getValue(), file));
                }
            }
            Map<String, NdArray> weights = new LinkedHashMap<>();
            Map<String, float[]> slots = new LinkedHashMap<>();
            Map<String, NdArray> best = new LinkedHashMap<>();
            for (Map.Entry<String, NdArray> t : tensors.entrySet()) {
                String key = t.getKey();
                if (key.startsWith(WEIGHTS)) {
                    weights.put(key.substring(WEIGHTS.length()), t.getValue());
                } else if (key.startsWith(SLOTS)) {
                    slots.put(key.substring(SLOTS.length()), t.getValue().data());
                } else if (key.startsWith(BEST)) {
                    best.put(key.substring(BEST.length()), t.getValue());
                } else {
                    throw corrupt(file, "unexpected tensor " + key);
                }
            }
            int epoch = Integer.parseInt(required(text, "epoch", file));
            if (epoch < 1 || history.size() != epoch) {
                throw corrupt(file, "it is at epoch " + epoch + " with " + history.size() + " epochs of history");
            }
            for (int i = 0; i < history.size(); i++) {
                if (history.get(i).epoch() != i + 1) {
                    throw corrupt(
                            file, "its history has epoch " + history.get(i).epoch() + " in place " + (i + 1));
                }
            }
            Optional<EarlyStopping.State> earlyStopping = text.containsKey("early_stopping.best")
                    ? Optional.of(new EarlyStopping.State(
                            Double.parseDouble(required(text, "early_stopping.best", file)),
                            Integer.parseInt(required(text, "early_stopping.best_epoch", file)),
                            Integer.parseInt(required(text, "early_stopping.wait", file)),
                            Integer.parseInt(required(text, "early_stopping.stopped_epoch", file)),
                            best))
                    : Optional.empty();
            if (earlyStopping.isEmpty() && !best.isEmpty()) {
                throw corrupt(file, "it has best weights but no early-stopping state");
            }
            return new Checkpoint(
                    settings,
                    epoch,
                    Long.parseLong(required(text, "stream_seed", file)),
                    history,
                    weights,
                    new OptimizerState(
                            required(text, "optimizer", file),
                            Long.parseLong(required(text, "optimizer.iterations", file)),
                            scalars,
                            slots),
                    earlyStopping);
        } catch (NumberFormatException e) {
            throw corrupt(file, "a number cannot be read (" + e.getMessage() + ")");
        }
    }

    private static EpochResult epochResult(int epoch, String value, Path file) throws CheckpointFormatException {
        String[] f = value.split(",", -1);
        if (f.length != 6) {
            throw corrupt(file, "the history of epoch " + epoch + " has " + f.length + " fields, not 6");
        }
        return new EpochResult(
                epoch,
                Integer.parseInt(f[5]),
                Double.parseDouble(f[0]),
                optional(f[1]),
                optional(f[2]),
                optional(f[3]),
                Long.parseLong(f[4]));
    }

    private static String required(Map<String, String> text, String key, Path file) throws CheckpointFormatException {
        String value = text.get(key);
        if (value == null) {
            throw corrupt(file, "it has no " + key);
        }
        return value;
    }

    private static String hex(OptionalDouble value) {
        return value.isPresent() ? Double.toHexString(value.getAsDouble()) : "";
    }

    private static OptionalDouble optional(String text) {
        return text.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(text));
    }

    private static CheckpointFormatException corrupt(Path file, String problem) {
        return new CheckpointFormatException(file + " is corrupt: " + problem);
    }
}
