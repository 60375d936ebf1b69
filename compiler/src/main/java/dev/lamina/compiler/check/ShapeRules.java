package dev.lamina.compiler.check;

import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.WindowRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keras's shape and parameter rules as the checker applies them: the arithmetic of {@link
 * WindowRule} and {@link dev.lamina.runtime.spec.MergeRule} (the one place each rule is written),
 * with each step written down for {@code lamina explain} and each rejection explained with the
 * shapes involved and a fix. {@link dev.lamina.compiler.ir.Lowering} checks that the runtime's
 * {@link LayerSpec#outputShape} agrees.
 */
final class ShapeRules {
    private ShapeRules() {}

    /**
     * The output of {@code layer} on {@code inputs} (one shape per tensor it reads); {@code
     * fromInput} tells that it reads the model's own input (so the fix is to change it).
     */
    static LayerShape apply(LayerSpec layer, List<Shape> inputs, boolean fromInput) throws ShapeProblem {
        LayerShape shape;
        try {
            shape = layer.accept(new Rules(inputs.get(0), inputs, fromInput));
        } catch (Rejected rejected) {
            throw rejected.problem;
        }
        checkSize(layer, shape.output());
        return shape;
    }

    /** Carries a {@link ShapeProblem} out of the visitor, whose methods cannot throw checked exceptions. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ShapeProblem problem;

        Rejected(ShapeProblem problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    /** A rule that may reject its input. */
    private interface Rule {
        LayerShape apply() throws ShapeProblem;
    }

    private static LayerShape run(Rule rule) {
        try {
            return rule.apply();
        } catch (ShapeProblem problem) {
            throw new Rejected(problem);
        }
    }

    /** Each layer kind's rule, for the inputs of one node. */
    private record Rules(Shape input, List<Shape> inputs, boolean fromInput) implements LayerSpec.Visitor<LayerShape> {
        @Override
        public LayerShape conv1d(LayerSpec.Conv1D layer) {
            return run(() -> ShapeRules.conv1d(layer, input, fromInput));
        }

        @Override
        public LayerShape dense(LayerSpec.Dense layer) {
            return run(() -> ShapeRules.dense(layer, input));
        }

        @Override
        public LayerShape pooling1d(LayerSpec.Pooling1D layer) {
            return run(() -> ShapeRules.pooling(layer, input, fromInput));
        }

        @Override
        public LayerShape globalPooling1d(LayerSpec.GlobalPooling1D layer) {
            return run(() -> ShapeRules.globalPooling(layer, input, fromInput));
        }

        @Override
        public LayerShape flatten(LayerSpec.Flatten layer) {
            return run(() -> ShapeRules.flatten(layer, input));
        }

        @Override
        public LayerShape dropout(LayerSpec.Dropout layer) {
            return new LayerShape(
                    input,
                    0,
                    List.of(
                            "output: unchanged " + input + " (rate=" + layer.rate() + " applies only in training)",
                            "params: 0 (dropout has no weights)"));
        }

        @Override
        public LayerShape activation(LayerSpec.ActivationLayer layer) {
            return new LayerShape(
                    input,
                    0,
                    List.of(
                            "output: unchanged " + input + " ("
                                    + layer.activation().kerasName() + " element-wise)",
                            "params: 0 (activation has no weights)"));
        }

        @Override
        public LayerShape embedding(LayerSpec.Embedding layer) {
            return run(() -> ShapeRules.embedding(layer, input));
        }

        @Override
        public LayerShape repeatVector(LayerSpec.RepeatVector layer) {
            return run(() -> ShapeRules.repeatVector(layer, input));
        }

        @Override
        public LayerShape reshape(LayerSpec.Reshape layer) {
            return run(() -> ShapeRules.reshape(layer, input));
        }

        @Override
        public LayerShape merge(LayerSpec.Merge layer) {
            return run(() -> MergeShapes.elementwise(layer, inputs));
        }

        @Override
        public LayerShape concatenate(LayerSpec.Concatenate layer) {
            return run(() -> MergeShapes.concatenate(layer, inputs));
        }

        @Override
        public LayerShape batchNormalization(LayerSpec.BatchNormalization layer) {
            return run(() -> ShapeRules.batchNormalization(layer, input));
        }

        @Override
        public LayerShape layerNormalization(LayerSpec.LayerNormalization layer) {
            return run(() -> ShapeRules.layerNormalization(layer, input));
        }

        @Override
        public LayerShape zeroPadding1d(LayerSpec.ZeroPadding1D layer) {
            return run(() -> ShapeRules.zeroPadding(layer, input, fromInput));
        }

        @Override
        public LayerShape cropping1d(LayerSpec.Cropping1D layer) {
            return run(() -> ShapeRules.cropping(layer, input, fromInput));
        }

        @Override
        public LayerShape upSampling1d(LayerSpec.UpSampling1D layer) {
            return run(() -> ShapeRules.upSampling(layer, input, fromInput));
        }

        @Override
        public LayerShape permute(LayerSpec.Permute layer) {
            return run(() -> ShapeRules.permute(layer, input));
        }

        @Override
        public LayerShape spatialDropout1d(LayerSpec.SpatialDropout1D layer) {
            return run(() -> {
                requireSteps(layer, input, fromInput, "ndim=3");
                return new LayerShape(
                        input,
                        0,
                        List.of(
                                "output: unchanged " + input + " (rate=" + layer.rate()
                                        + " drops whole channels, in training only)",
                                "params: 0 (spatial_dropout1d has no weights)"));
            });
        }
    }

    private static LayerShape conv1d(LayerSpec.Conv1D c, Shape input, boolean fromInput) throws ShapeProblem {
        DataFormat format = c.dataFormat();
        requireSequence(c, input, fromInput, "min_ndim=3");
        int channels = input.dim(format.channelsAxis());
        if (channels == Shape.UNKNOWN) {
            throw ShapeProblem.of(
                    ErrorCode.UNKNOWN_DIMENSION,
                    "give the channel axis a size, e.g. `input "
                            + format.sequence(Shape.UNKNOWN, 8)
                                    .toString()
                                    .replace('(', '[')
                                    .replace(')', ']') + "`",
                    "conv1d",
                    "a known number of channels",
                    input,
                    "has channels None (known only at run time)");
        }
        List<String> lines = new ArrayList<>();
        long span = (long) (c.kernelSize() - 1) * c.dilationRate() + 1;
        if (span > Integer.MAX_VALUE) {
            throw overflow(
                    c,
                    "its effective kernel (kernel_size - 1)*dilation_rate + 1 = (" + c.kernelSize() + " - 1)*"
                            + c.dilationRate() + " + 1 = " + span + " exceeds " + Integer.MAX_VALUE);
        }
        if (c.dilationRate() > 1) {
            lines.add("effective kernel: (kernel_size - 1)*dilation_rate + 1 = (" + c.kernelSize() + " - 1)*"
                    + c.dilationRate() + " + 1 = " + span);
        }
        int steps = windowSteps(
                "conv1d",
                "kernel",
                input,
                format,
                span,
                c.strides(),
                c.padding(),
                c.dilationRate() > 1,
                lines,
                fromInput);
        lines.add("channels: filters = " + c.filters());
        long kernel = multiply(c, (long) c.kernelSize(), channels, c.filters());
        long params = kernel + (c.useBias() ? c.filters() : 0);
        lines.add(
                c.useBias()
                        ? "params: kernel_size*channels*filters + filters = " + c.kernelSize() + "*" + channels + "*"
                                + c.filters() + " + " + c.filters() + " = " + params
                        : "params: kernel_size*channels*filters = " + c.kernelSize() + "*" + channels + "*"
                                + c.filters() + " = " + params + " (use_bias=false)");
        checkParams(c, params);
        Shape output = format.sequence(steps, c.filters());
        layoutLine(format, input, "(filters, steps)", output, lines);
        return new LayerShape(output, params, lines);
    }

    private static LayerShape pooling(LayerSpec.Pooling1D p, Shape input, boolean fromInput) throws ShapeProblem {
        DataFormat format = p.dataFormat();
        requireSequence(p, input, fromInput, "ndim=3");
        List<String> lines = new ArrayList<>();
        int steps = windowSteps(
                p.typeName(), "pool", input, format, p.poolSize(), p.strides(), p.padding(), false, lines, fromInput);
        int channels = input.dim(format.channelsAxis());
        lines.add("channels: unchanged = " + dimText(channels));
        lines.add("params: 0 (pooling has no weights)");
        Shape output = format.sequence(steps, channels);
        layoutLine(format, input, "(channels, steps)", output, lines);
        return new LayerShape(output, 0, lines);
    }

    /**
     * For channels_first, puts first a line saying which axes hold what, e.g. {@code layout:
     * data_format=channels_first, input (channels, steps) = (3, 16), output (filters, steps) = (4, 15)}.
     */
    private static void layoutLine(
            DataFormat format, Shape input, String outputAxes, Shape output, List<String> lines) {
        if (format == DataFormat.CHANNELS_FIRST) {
            lines.add(
                    0,
                    "layout: data_format=channels_first, input " + format.axesText() + " = " + input
                            + (output == null ? "" : ", output " + outputAxes + " = " + output));
        }
    }

    /** Output steps of a sliding window (kernel or pool) with the derivation; rejects too short inputs. */
    private static int windowSteps(
            String type,
            String window,
            Shape input,
            DataFormat format,
            long span,
            int strides,
            Padding padding,
            boolean dilated,
            List<String> lines,
            boolean fromInput)
            throws ShapeProblem {
        int length = input.dim(format.stepsAxis());
        String spanName = window.equals("pool") ? "pool_size" : dilated ? "effective kernel" : "kernel_size";
        if (length == Shape.UNKNOWN) {
            lines.add("steps: None (variable length, known at run time)");
            return Shape.UNKNOWN;
        }
        long out = WindowRule.outputLength(length, span, strides, padding);
        long padded = length + WindowRule.totalPadding(length, span, strides, padding);
        if (padded > Integer.MAX_VALUE) {
            throw ShapeProblem.of(
                    ErrorCode.OVERFLOW,
                    "use a smaller " + spanName + " or dilation_rate",
                    type,
                    "it would pad its " + length + " steps to " + padded + " (padding=" + padding.kerasName()
                            + ", window of " + span + " steps), more than " + Integer.MAX_VALUE);
        }
        if (padding == Padding.VALID) {
            String arithmetic = "floor((" + length + " - " + span + ") / " + strides + ") + 1 = " + out;
            if (out < 1) {
                throw ShapeProblem.of(
                        ErrorCode.TOO_SHORT,
                        "use a " + spanName + " of at most " + length + ", padding=same, or "
                                + (fromInput ? "a longer input" : "less downsampling before this layer"),
                        type,
                        out,
                        arithmetic,
                        window,
                        span,
                        length,
                        input);
            }
            lines.add("steps: " + arithmetic + " (padding=valid, " + spanName + "=" + span + ", strides=" + strides
                    + ")");
            return (int) out;
        }
        if (padding == Padding.SAME) {
            lines.add("steps: ceil(" + length + " / " + strides + ") = " + out + " (padding=same, strides=" + strides
                    + ")");
            long total = WindowRule.totalPadding(length, span, strides, padding);
            lines.add("same padding: max((" + out + " - 1)*" + strides + " + " + span + " - " + length + ", 0) = "
                    + total + " zeros, " + total / 2 + " on the left and " + (total - total / 2) + " on the right");
        } else {
            lines.add("steps: ceil(" + length + " / " + strides + ") = " + out + " (padding=causal: "
                    + WindowRule.totalPadding(length, span, strides, padding) + " zeros on the left, strides=" + strides
                    + ")");
        }
        return (int) out;
    }

    private static LayerShape globalPooling(LayerSpec.GlobalPooling1D g, Shape input, boolean fromInput)
            throws ShapeProblem {
        DataFormat format = g.dataFormat();
        requireSequence(g, input, fromInput, "ndim=3");
        String over = g.kind() == PoolKind.MAX ? "maximum" : "average";
        Shape output = Shape.of(input.dim(format.channelsAxis()));
        List<String> lines = new ArrayList<>();
        lines.add("output: " + format.axesText() + " -> (channels) = " + output + " (" + over + " over "
                + dimText(input.dim(format.stepsAxis())) + " steps)");
        lines.add("params: 0 (pooling has no weights)");
        layoutLine(format, input, null, null, lines);
        return new LayerShape(output, 0, lines);
    }

    private static LayerShape dense(LayerSpec.Dense d, Shape input) throws ShapeProblem {
        int features = input.last();
        if (features == Shape.UNKNOWN) {
            throw ShapeProblem.of(
                    ErrorCode.UNKNOWN_DIMENSION,
                    "reduce the variable-length axis first with global_average_pooling1d or global_max_pooling1d",
                    "dense",
                    "a known last dimension",
                    input,
                    "ends in None");
        }
        Shape output = input.withDim(input.rank() - 1, d.units());
        List<String> lines = new ArrayList<>();
        lines.add("output: last axis " + features + " -> units " + d.units() + " = " + output
                + (input.rank() > 1 ? " (dense applies to the last axis of " + input + ")" : ""));
        long kernel = multiply(d, features, d.units());
        long params = kernel + (d.useBias() ? d.units() : 0);
        lines.add(
                d.useBias()
                        ? "params: in_features*units + units = " + features + "*" + d.units() + " + " + d.units()
                                + " = " + params
                        : "params: in_features*units = " + features + "*" + d.units() + " = " + params
                                + " (use_bias=false)");
        checkParams(d, params);
        return new LayerShape(output, params, lines);
    }

    private static LayerShape flatten(LayerSpec.Flatten f, Shape input) throws ShapeProblem {
        if (!input.isFullyKnown()) {
            throw ShapeProblem.of(
                    ErrorCode.UNKNOWN_DIMENSION,
                    input.rank() == 2 && input.last() != Shape.UNKNOWN
                            ? "use global_average_pooling1d or global_max_pooling1d instead: they reduce any number"
                                    + " of steps to " + Shape.of(input.last())
                            : "give every dimension of the input a size",
                    "flatten",
                    "every dimension known to count its outputs",
                    input,
                    "has a variable length (None)");
        }
        long size = product(f, input);
        return new LayerShape(
                Shape.of((int) size),
                0,
                List.of(
                        "output: " + product(input) + " = " + size + " features, shape " + Shape.of((int) size),
                        "params: 0 (flatten has no weights)"));
    }

    private static LayerShape embedding(LayerSpec.Embedding e, Shape input) throws ShapeProblem {
        int[] dims = Arrays.copyOf(input.dims(), input.rank() + 1);
        dims[input.rank()] = e.outputDim();
        long params = multiply(e, e.inputDim(), e.outputDim());
        checkParams(e, params);
        Shape output = Shape.of(dims);
        return new LayerShape(
                output,
                params,
                List.of(
                        "output: each id becomes a vector of output_dim " + e.outputDim() + ": " + input + " -> "
                                + output,
                        "params: input_dim*output_dim = " + e.inputDim() + "*" + e.outputDim() + " = " + params));
    }

    private static LayerShape repeatVector(LayerSpec.RepeatVector r, Shape input) throws ShapeProblem {
        if (input.rank() != 1) {
            throw ShapeProblem.of(
                    ErrorCode.RANK,
                    "reduce it to a vector first with flatten or global_average_pooling1d",
                    "repeat_vector",
                    "a vector (features,)",
                    input,
                    input.rank(),
                    "ndim=2",
                    input.rank() + 1);
        }
        Shape output = Shape.of(r.n(), input.dim(0));
        return new LayerShape(
                output,
                0,
                List.of("output: n copies of " + input + " = " + output, "params: 0 (repeat_vector has no weights)"));
    }

    private static LayerShape reshape(LayerSpec.Reshape r, Shape input) throws ShapeProblem {
        Shape target =
                Shape.of(r.targetShape().stream().mapToInt(Integer::intValue).toArray());
        if (!input.isFullyKnown()) {
            throw ShapeProblem.of(
                    ErrorCode.UNKNOWN_DIMENSION,
                    "use global pooling to reduce the variable-length steps first",
                    "reshape",
                    "a known number of elements",
                    input,
                    "has a variable length (None)");
        }
        long have = product(r, input);
        long want = product(r, target);
        if (have != want) {
            throw ShapeProblem.of(
                    ErrorCode.RESHAPE_SIZE,
                    "the target must hold exactly " + have + " elements, e.g. " + suggestion(input, have),
                    input,
                    count(input, have),
                    target,
                    count(target, want));
        }
        return new LayerShape(
                target,
                0,
                List.of(
                        "output: " + input + " -> " + target + ", " + have + " elements either way",
                        "params: 0 (reshape has no weights)"));
    }

    private static LayerShape batchNormalization(LayerSpec.BatchNormalization b, Shape input) throws ShapeProblem {
        int channels = normalizedAxis(b, input, "its mean, variance, gamma and beta per channel");
        int trainable = (b.center() ? 1 : 0) + (b.scale() ? 1 : 0);
        long params = multiply(b, channels, trainable + 2);
        List<String> lines = new ArrayList<>();
        lines.add("output: unchanged " + input + " (each of the " + channels
                + " channels of the last axis normalized: the batch's mean and variance in training, the moving"
                + " statistics in inference)");
        lines.add("params: " + (trainable + 2) + "*channels = " + (trainable + 2) + "*" + channels + " = " + params
                + " (" + affine(b.scale(), b.center()) + "moving_mean, moving_variance: " + 2 * channels
                + " non-trainable)");
        return new LayerShape(input, params, lines);
    }

    private static LayerShape layerNormalization(LayerSpec.LayerNormalization l, Shape input) throws ShapeProblem {
        int channels = normalizedAxis(l, input, "gamma and beta per feature");
        int trainable = (l.center() ? 1 : 0) + (l.scale() ? 1 : 0);
        long params = multiply(l, channels, trainable);
        return new LayerShape(
                input,
                params,
                List.of(
                        "output: unchanged " + input + " (each row of " + channels
                                + " values of the last axis normalized by its own mean and variance)",
                        trainable == 0
                                ? "params: 0 (center=false, scale=false)"
                                : "params: " + trainable + "*features = " + trainable + "*" + channels + " = "
                                        + params + " ("
                                        + affine(l.scale(), l.center()).replaceAll(", $", "")
                                        + ")"));
    }

    private static String affine(boolean scale, boolean center) {
        return (scale ? "gamma, " : "") + (center ? "beta, " : "");
    }

    /** The size of the last axis a normalization works on; it must be known. */
    private static int normalizedAxis(LayerSpec layer, Shape input, String what) throws ShapeProblem {
        int channels = input.last();
        if (channels == Shape.UNKNOWN) {
            throw new ShapeProblem(
                    ErrorCode.UNKNOWN_DIMENSION,
                    layer.typeName() + " normalizes the last axis, but its input " + input
                            + " has a last axis of unknown size (None): " + what + " need its size",
                    "give the last axis a size, e.g. `input [None, 8]`, or put a dense or conv1d with a fixed"
                            + " number of units before it");
        }
        return channels;
    }

    private static LayerShape zeroPadding(LayerSpec.ZeroPadding1D z, Shape input, boolean fromInput)
            throws ShapeProblem {
        requireSteps(z, input, fromInput, "ndim=3");
        String padding = "[" + z.left() + ", " + z.right() + "]";
        if (input.dim(0) == Shape.UNKNOWN) {
            return reshaped(input, input, "steps: None (variable length) plus " + padding + " stays None", z);
        }
        long steps = WindowRule.paddedLength(input.dim(0), z.left(), z.right());
        return reshaped(
                input,
                Shape.of(checkedSteps(z, steps), input.dim(1)),
                "steps: " + z.left() + " + " + input.dim(0) + " + " + z.right() + " = " + steps + " (padding " + padding
                        + ": zeros before and after)",
                z);
    }

    private static LayerShape cropping(LayerSpec.Cropping1D c, Shape input, boolean fromInput) throws ShapeProblem {
        requireSteps(c, input, fromInput, "ndim=3");
        String cropping = "[" + c.left() + ", " + c.right() + "]";
        if (input.dim(0) == Shape.UNKNOWN) {
            return reshaped(input, input, "steps: None (variable length) minus " + cropping + " stays None", c);
        }
        long steps = WindowRule.croppedLength(input.dim(0), c.left(), c.right());
        String arithmetic = input.dim(0) + " - " + c.left() + " - " + c.right() + " = " + steps;
        if (steps < 1) {
            throw new ShapeProblem(
                    ErrorCode.TOO_SHORT,
                    "cropping1d output would have " + steps + " steps: " + arithmetic + " (cropping " + cropping
                            + " removes every step of its input " + input + ")",
                    "crop at most " + (input.dim(0) - 1) + " steps in total, or "
                            + (fromInput ? "give the input more steps" : "downsample less before this layer"));
        }
        return reshaped(
                input,
                Shape.of((int) steps, input.dim(1)),
                "steps: " + arithmetic + " (cropping " + cropping + ": steps removed before and after)",
                c);
    }

    private static LayerShape upSampling(LayerSpec.UpSampling1D u, Shape input, boolean fromInput) throws ShapeProblem {
        requireSteps(u, input, fromInput, "ndim=3");
        if (input.dim(0) == Shape.UNKNOWN) {
            return reshaped(input, input, "steps: None (variable length) times " + u.size() + " stays None", u);
        }
        long steps = WindowRule.upsampledLength(input.dim(0), u.size());
        return reshaped(
                input,
                Shape.of(checkedSteps(u, steps), input.dim(1)),
                "steps: " + input.dim(0) + "*" + u.size() + " = " + steps + " (each step repeated size=" + u.size()
                        + " times)",
                u);
    }

    private static int checkedSteps(LayerSpec layer, long steps) throws ShapeProblem {
        if (steps > Integer.MAX_VALUE) {
            throw overflow(layer, "it would output " + steps + " steps");
        }
        return (int) steps;
    }

    /** A layer that only moves values: its steps line, the channels and no parameters. */
    private static LayerShape reshaped(Shape input, Shape output, String stepsLine, LayerSpec layer) {
        return new LayerShape(
                output,
                0,
                List.of(
                        stepsLine,
                        "channels: unchanged = " + dimText(input.dim(1)),
                        "params: 0 (" + layer.typeName() + " has no weights)"));
    }

    private static LayerShape permute(LayerSpec.Permute p, Shape input) throws ShapeProblem {
        List<Integer> dims = p.dims();
        if (input.rank() != dims.size()) {
            throw new ShapeProblem(
                    ErrorCode.RANK,
                    "permute with dims=" + dims + " reorders " + dims.size() + " axes, but its input " + input
                            + " has " + input.rank() + " (Keras: expected ndim=" + (dims.size() + 1) + ", found ndim="
                            + (input.rank() + 1) + ")",
                    "list each of the input's " + input.rank() + " axes once, e.g. dims="
                            + identityWithLastTwoSwapped(input.rank()));
        }
        Shape output = p.outputShape(input);
        List<String> moves = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            moves.add("axis " + (i + 1) + " <- input axis " + dims.get(i) + " (" + dimText(input.dim(dims.get(i) - 1))
                    + ")");
        }
        return new LayerShape(
                output,
                0,
                List.of(
                        "output: " + String.join(", ", moves) + ": " + input + " -> " + output,
                        "params: 0 (permute has no weights)"));
    }

    private static List<Integer> identityWithLastTwoSwapped(int rank) {
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i <= rank; i++) {
            dims.add(i);
        }
        if (rank >= 2) {
            dims.set(rank - 2, rank);
            dims.set(rank - 1, rank - 1);
        }
        return dims;
    }

    private static String count(Shape shape, long elements) {
        return (shape.rank() == 1 ? "" : product(shape) + " = ") + elements + " elements";
    }

    private static String suggestion(Shape input, long have) {
        return input.rank() == 1 ? "[" + have + ", 1]" : "[" + have + "]";
    }

    /** Conv and pooling layers take (steps, channels) per example, or (channels, steps) with channels_first. */
    private static void requireSequence(LayerSpec.SequenceLayer layer, Shape input, boolean fromInput, String kerasNdim)
            throws ShapeProblem {
        requireSequence(layer, layer.dataFormat(), input, fromInput, kerasNdim);
    }

    /** Layers on the steps axis (padding, cropping, up-sampling, spatial dropout) take (steps, channels). */
    private static void requireSteps(LayerSpec layer, Shape input, boolean fromInput, String kerasNdim)
            throws ShapeProblem {
        requireSequence(layer, DataFormat.CHANNELS_LAST, input, fromInput, kerasNdim);
    }

    private static void requireSequence(
            LayerSpec layer, DataFormat format, Shape input, boolean fromInput, String kerasNdim) throws ShapeProblem {
        if (input.rank() == 2) {
            return;
        }
        String type = layer.typeName();
        String hint;
        if (input.rank() == 1) {
            String n = dimText(input.dim(0));
            String oneChannel = format == DataFormat.CHANNELS_LAST ? n + ", 1" : "1, " + n;
            hint = fromInput
                    ? "for one channel per step write `input [" + oneChannel + "]`, or put `reshape([" + oneChannel
                            + "])` before " + type
                    : "turn the vector into a sequence first: `reshape([" + oneChannel + "])` or `repeat_vector(n)`";
        } else {
            hint = input.isFullyKnown()
                    ? "reshape it to " + format.axesText() + " first, e.g. `reshape([" + input.dim(0) + ", "
                            + input.size() / input.dim(0) + "])`"
                    : "reduce it to " + format.axesText() + " first";
        }
        throw ShapeProblem.of(
                ErrorCode.RANK, hint, type, format.axesText(), input, input.rank(), kerasNdim, input.rank() + 1);
    }

    private static String dimText(int dim) {
        return dim == Shape.UNKNOWN ? "None" : Integer.toString(dim);
    }

    private static String product(Shape shape) {
        return Arrays.stream(shape.dims()).mapToObj(String::valueOf).collect(Collectors.joining("*"));
    }

    private static long product(LayerSpec layer, Shape shape) throws ShapeProblem {
        long n = 1;
        for (int d : shape.dims()) {
            n = multiply(layer, n, d);
        }
        return n;
    }

    private static long multiply(LayerSpec layer, long... factors) throws ShapeProblem {
        long n = 1;
        try {
            for (long f : factors) {
                n = Math.multiplyExact(n, f);
            }
        } catch (ArithmeticException e) {
            throw overflow(layer, "its size overflows a 64-bit count");
        }
        return n;
    }

    private static void checkParams(LayerSpec layer, long params) throws ShapeProblem {
        if (params > Integer.MAX_VALUE) {
            throw overflow(
                    layer,
                    "it would have " + params + " parameters, more than an int array holds (" + Integer.MAX_VALUE
                            + ")");
        }
    }

    private static void checkSize(LayerSpec layer, Shape output) throws ShapeProblem {
        if (output.isFullyKnown()) {
            long size = product(layer, output);
            if (size > Integer.MAX_VALUE) {
                throw overflow(
                        layer,
                        "its output " + output + " has " + size + " elements per example, more than "
                                + Integer.MAX_VALUE);
            }
        }
    }

    private static ShapeProblem overflow(LayerSpec layer, String what) {
        return ShapeProblem.of(
                ErrorCode.OVERFLOW,
                "use smaller sizes; Lamina stores each tensor in one Java array",
                layer.typeName() + " '" + layer.name() + "'",
                what);
    }
}
