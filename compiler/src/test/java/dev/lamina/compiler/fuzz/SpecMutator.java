package dev.lamina.compiler.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@link Mutation}s to seed specs. The text is handled as bytes (each byte one ISO-8859-1
 * char), so byte flips may leave it not UTF-8 and token edits keep such bytes intact. Tokens are
 * found roughly as the Lamina lexer would: white space, comments, quoted names, names, numbers,
 * any other single character.
 */
final class SpecMutator {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|//[^\\n]*|#[^\\n]*|/\\*.*?\\*/|\"[^\"\\n]*\"|'[^'\\n]*'|[A-Za-z_][A-Za-z0-9_]*"
                    + "|-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|.",
            Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Words {@link Mutation.Kind#INSERT_WORD} inserts: the language's vocabulary and some odd bytes. */
    private static final List<String> WORDS = List.of(
            "model",
            "input",
            "train",
            "int",
            "float",
            "None",
            "loss",
            "optimizer",
            "{",
            "}",
            "(",
            ")",
            "[",
            "]",
            ",",
            "=",
            ";",
            "-",
            ".",
            "conv1d",
            "dense",
            "max_pooling1d",
            "average_pooling1d",
            "global_max_pooling1d",
            "global_average_pooling1d",
            "flatten",
            "dropout",
            "activation",
            "embedding",
            "repeat_vector",
            "reshape",
            "filters",
            "kernel_size",
            "strides",
            "padding",
            "dilation_rate",
            "use_bias",
            "units",
            "pool_size",
            "rate",
            "input_dim",
            "output_dim",
            "n",
            "target_shape",
            "name",
            "same",
            "valid",
            "causal",
            "\"same\"",
            "'valid'",
            "relu",
            "softmax",
            "sigmoid",
            "tanh",
            "gelu",
            "elu",
            "softplus",
            "linear",
            "true",
            "false",
            "True",
            "False",
            "mse",
            "mae",
            "binary_crossentropy",
            "categorical_crossentropy",
            "sparse_categorical_crossentropy",
            "sgd",
            "adam",
            "rmsprop",
            "learning_rate",
            "momentum",
            "nesterov",
            "beta_1",
            "beta_2",
            "epsilon",
            "rho",
            "//",
            "/*",
            "*/",
            "#",
            "\"",
            "'",
            "\n",
            "\r",
            "\r\n",
            "\t",
            "\f",
            "\u0000",
            "\u00e9",
            "\u2192",
            "\uFEFF",
            "\uD83D\uDE00",
            "$",
            "@",
            "\\",
            "conv2d",
            "Conv1D",
            "x".repeat(300));

    /** The names among {@link #WORDS}, which {@link Mutation.Kind#REPLACE_NAME} writes. */
    private static final List<String> NAMES =
            WORDS.stream().filter(w -> NAME.matcher(w).matches()).toList();

    private final List<String> seeds;
    private final FuzzProfile profile;

    /** A mutator of {@code seeds} (spec texts) within {@code profile}. */
    SpecMutator(List<String> seeds, FuzzProfile profile) {
        this.seeds = seeds.stream().map(SpecMutator::bytesAsText).toList();
        this.profile = profile;
    }

    int seedCount() {
        return seeds.size();
    }

    /** The bytes of seed {@code seed} (modulo the number of seeds) after the first edits of {@code edits}. */
    byte[] apply(int seed, List<Mutation> edits) {
        String text = seeds.get(Math.floorMod(seed, seeds.size()));
        for (Mutation edit : edits.subList(0, Math.min(edits.size(), profile.maxEdits()))) {
            text = apply(text, edit);
        }
        if (profile.clampIntegers()) {
            text = clampIntegers(text);
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String apply(String text, Mutation edit) {
        if (edit.kind() == Mutation.Kind.FLIP_BYTE) {
            if (text.isEmpty()) {
                return text;
            }
            int at = Math.floorMod(edit.at(), text.length());
            char flipped = (char) (text.charAt(at) ^ (1 << Math.floorMod(edit.extent(), 8)));
            return text.substring(0, at) + flipped + text.substring(at + 1);
        }
        if (edit.kind() == Mutation.Kind.DELETE_LINE || edit.kind() == Mutation.Kind.DUPLICATE_LINE) {
            List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)", -1)));
            int line = Math.floorMod(edit.at(), lines.size());
            if (edit.kind() == Mutation.Kind.DELETE_LINE) {
                lines.remove(line);
            } else {
                String repeated = lines.get(line);
                lines.add(line + 1, repeated.endsWith("\n") ? repeated : "\n" + repeated);
            }
            return String.join("", lines);
        }
        List<String> tokens = tokens(text);
        List<Integer> significant = significant(tokens);
        if (significant.isEmpty()) {
            return edit.kind() == Mutation.Kind.INSERT_WORD || edit.kind() == Mutation.Kind.SPLICE
                    ? text + " " + insertion(edit)
                    : text;
        }
        int token = significant.get(Math.floorMod(edit.at(), significant.size()));
        switch (edit.kind()) {
            case DELETE_TOKEN -> tokens.remove(token);
            case DUPLICATE_TOKEN -> tokens.add(token + 1, " " + tokens.get(token));
            case SWAP_TOKENS -> {
                int other = significant.get(Math.floorMod(edit.choice(), significant.size()));
                String first = tokens.get(token);
                tokens.set(token, tokens.get(other));
                tokens.set(other, first);
            }
            case BOUNDARY_NUMBER -> {
                List<Integer> numbers = significant.stream()
                        .filter(i -> NUMBER.matcher(tokens.get(i)).matches())
                        .toList();
                int target = numbers.isEmpty() ? token : numbers.get(Math.floorMod(edit.at(), numbers.size()));
                List<String> values = profile.boundaryNumbers();
                tokens.set(target, values.get(Math.floorMod(edit.choice(), values.size())));
            }
            case NEST -> {
                int depth = 1 + Math.floorMod(edit.extent(), profile.maxNestingPerEdit());
                String inner = tokens.get(token);
                tokens.set(
                        token,
                        switch (Math.floorMod(edit.choice(), 3)) {
                            case 0 -> "[".repeat(depth) + inner + "]".repeat(depth);
                            case 1 -> "[".repeat(depth) + inner;
                            default -> "(".repeat(depth) + inner + ")".repeat(depth);
                        });
            }
            case SPLICE, INSERT_WORD -> tokens.add(token, insertion(edit) + " ");
            case REPLACE_NAME -> {
                List<Integer> names = significant.stream()
                        .filter(i -> NAME.matcher(tokens.get(i)).matches())
                        .toList();
                int target = names.isEmpty() ? token : names.get(Math.floorMod(edit.at(), names.size()));
                tokens.set(target, NAMES.get(Math.floorMod(edit.choice(), NAMES.size())));
            }
            case FLIP_BYTE, DELETE_LINE, DUPLICATE_LINE -> throw new IllegalStateException("handled above");
        }
        return String.join("", tokens);
    }

    /** The text {@link Mutation.Kind#SPLICE} or {@link Mutation.Kind#INSERT_WORD} inserts. */
    private String insertion(Mutation edit) {
        if (edit.kind() == Mutation.Kind.INSERT_WORD) {
            return bytesAsText(WORDS.get(Math.floorMod(edit.choice(), WORDS.size())));
        }
        List<String> donor = tokens(seeds.get(Math.floorMod(edit.choice(), seeds.size())));
        int start = Math.floorMod(edit.extent(), donor.size());
        int length = 1 + Math.floorMod(edit.extent() / 7, 24);
        return String.join("", donor.subList(start, Math.min(donor.size(), start + length)));
    }

    /** Cuts every run of digits worth 2^20 or more to its first five digits. */
    private static String clampIntegers(String text) {
        Matcher m = DIGITS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String digits = m.group();
            boolean large = digits.length() > 7 || Long.parseLong(digits) > FuzzProfile.BUILD_MAX_INTEGER;
            m.appendReplacement(out, large ? digits.substring(0, 5) : digits);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static List<Integer> significant(List<String> tokens) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isBlank()) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** {@code text}'s UTF-8 bytes as one char each. */
    private static String bytesAsText(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
