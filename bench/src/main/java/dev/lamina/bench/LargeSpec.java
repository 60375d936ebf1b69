package dev.lamina.bench;

/**
 * A large {@code .lamina} graph for the re-check benchmark: residual blocks of five layers (a
 * conv1d, a dense and a dropout on a branch, an add, an activation) on {@code (256, 16)}, then a
 * pooling and a softmax head: {@code 5 * blocks + 2} layers, all valid.
 */
final class LargeSpec {
    private LargeSpec() {}

    /** The text of a model with {@code blocks} residual blocks. */
    static String of(int blocks) {
        StringBuilder out = new StringBuilder();
        out.append("// ")
                .append(layers(blocks))
                .append(" layers: ")
                .append(blocks)
                .append(" residual blocks\n");
        out.append("model Large {\n  input [256, 16]\n");
        for (int b = 0; b < blocks; b++) {
            out.append("  b").append(b).append(" = conv1d(16, 3, padding=same, activation=relu)\n");
            out.append("  c")
                    .append(b)
                    .append(" = b")
                    .append(b)
                    .append(" -> dense(16, activation=tanh) -> dropout(0.1)\n");
            out.append("  [b").append(b).append(", c").append(b).append("] -> add\n");
            out.append("  activation(relu)\n");
        }
        out.append("  global_average_pooling1d\n");
        out.append("  dense(4, activation=softmax)\n");
        out.append("  train {\n    loss categorical_crossentropy\n    optimizer adam\n  }\n}\n");
        return out.toString();
    }

    /** The number of layers of {@link #of}. */
    static int layers(int blocks) {
        return 5 * blocks + 2;
    }
}
