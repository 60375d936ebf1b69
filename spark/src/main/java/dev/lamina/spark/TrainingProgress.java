package dev.lamina.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where a training run stands after {@code step} steps, as saved in a checkpoint: what identifies
 * the run (model, data size, batch size, seed, shuffling, dropout, so that a resume continues the
 * same run) and the running sums of the epoch in progress.
 */
record TrainingProgress(
        String model,
        long parameters,
        long examples,
        int batchSize,
        long seed,
        boolean shuffle,
        boolean dropout,
        long step,
        double epochLoss,
        long epochCorrect,
        long epochJudged) {
    private static final String FORMAT = "1";

    /** This run at another step. */
    TrainingProgress at(long atStep, double loss, long correct, long judged) {
        return new TrainingProgress(
                model, parameters, examples, batchSize, seed, shuffle, dropout, atStep, loss, correct, judged);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("model", model);
        p.setProperty("parameters", Long.toString(parameters));
        p.setProperty("examples", Long.toString(examples));
        p.setProperty("batchSize", Integer.toString(batchSize));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("shuffle", Boolean.toString(shuffle));
        p.setProperty("dropout", Boolean.toString(dropout));
        p.setProperty("step", Long.toString(step));
        p.setProperty("epochLoss", Double.toString(epochLoss));
        p.setProperty("epochCorrect", Long.toString(epochCorrect));
        p.setProperty("epochJudged", Long.toString(epochJudged));
        return p;
    }

    /**
     * Reads the properties written by {@link #toProperties}.
     *
     * @throws IllegalArgumentException when one is missing or malformed
     */
    static TrainingProgress fromProperties(Properties p, String where) {
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException(where + " is not a Lamina checkpoint of format " + FORMAT + " (format="
                    + p.getProperty("format") + ")");
        }
        try {
            return new TrainingProgress(
                    required(p, "model", where),
                    Long.parseLong(required(p, "parameters", where)),
                    Long.parseLong(required(p, "examples", where)),
                    Integer.parseInt(required(p, "batchSize", where)),
                    Long.parseLong(required(p, "seed", where)),
                    Boolean.parseBoolean(required(p, "shuffle", where)),
                    Boolean.parseBoolean(required(p, "dropout", where)),
                    Long.parseLong(required(p, "step", where)),
                    Double.parseDouble(required(p, "epochLoss", where)),
                    Long.parseLong(required(p, "epochCorrect", where)),
                    Long.parseLong(required(p, "epochJudged", where)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " has a malformed number: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, String where) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(where + " has no " + key);
        }
        return value;
    }

    /**
     * Checks that {@code saved} comes from the same run as this one.
     *
     * @throws IllegalArgumentException listing every difference
     */
    void checkSameRun(TrainingProgress saved, String where) {
        List<String> differences = new ArrayList<>();
        differ(differences, "model", model, saved.model);
        differ(differences, "parameters", parameters, saved.parameters);
        differ(differences, "examples", examples, saved.examples);
        differ(differences, "batch size", batchSize, saved.batchSize);
        differ(differences, "seed", seed, saved.seed);
        differ(differences, "shuffle", shuffle, saved.shuffle);
        differ(differences, "dropout", dropout, saved.dropout);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint " + where + " is from another run: "
                    + String.join(", ", differences) + "; resume with the same data and settings");
        }
    }

    private static void differ(List<String> differences, String what, Object now, Object saved) {
        if (!now.equals(saved)) {
            differences.add(what + " " + saved + " there, " + now + " now");
        }
    }
}
