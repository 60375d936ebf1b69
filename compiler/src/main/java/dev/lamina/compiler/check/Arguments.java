package dev.lamina.compiler.check;

import dev.lamina.compiler.ast.Argument;
import dev.lamina.compiler.ast.AstPrinter;
import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.ast.Value;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one layer or optimizer bound to its {@link Signature}: binding reports unknown,
 * duplicate, misplaced and missing arguments; the typed getters report wrong types, overflowing
 * integers and values out of range. A getter returns {@code null} for an argument it rejected and
 * {@link #failed()} then tells that no spec can be built.
 */
final class Arguments {
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

    private final String owner;
    private final Span ownerSpan;
    private final Map<String, Argument> bound = new LinkedHashMap<>();
    private final List<Diagnostic> sink;
    private boolean failed;

    private Arguments(String owner, Span ownerSpan, List<Diagnostic> sink) {
        this.owner = owner;
        this.ownerSpan = ownerSpan;
        this.sink = sink;
    }

    /** Binds {@code arguments} to {@code signature}; {@code owner} names the layer in messages. */
    static Arguments bind(
            String owner, Span ownerSpan, Signature signature, List<Argument> arguments, List<Diagnostic> sink) {
        Arguments result = new Arguments(owner, ownerSpan, sink);
        List<Signature.Param> positional = signature.params().stream()
                .filter(p -> !p.name().equals("name"))
                .toList();
        boolean sawKeyword = false;
        int index = 0;
        for (Argument argument : arguments) {
            String key;
            if (argument.isPositional()) {
                if (sawKeyword) {
                    result.report(Diagnostic.of(
                            ErrorCode.POSITIONAL_AFTER_KEYWORD,
                            argument.span(),
                            "give it a name, e.g. `" + result.nextFree(positional) + "="
                                    + AstPrinter.print(argument.value()) + "`",
                            owner));
                    continue;
                }
                if (index >= positional.size()) {
                    result.report(Diagnostic.of(
                            ErrorCode.TOO_MANY_ARGUMENTS,
                            argument.span(),
                            positional.isEmpty()
                                    ? signature.owner() + " takes no options besides name="
                                    : "its options in order are: " + String.join(", ", signature.names()),
                            owner,
                            positional.size(),
                            countPositional(arguments)));
                    index++;
                    continue;
                }
                key = positional.get(index++).name();
            } else {
                sawKeyword = true;
                key = argument.key().get();
                if (signature.param(key).isEmpty()) {
                    result.report(Diagnostic.of(
                            ErrorCode.UNKNOWN_OPTION,
                            argument.span(),
                            Suggestions.hint(key, signature.names()),
                            owner,
                            key));
                    continue;
                }
            }
            if (result.bound.containsKey(key)) {
                result.report(Diagnostic.of(
                        ErrorCode.DUPLICATE_ARGUMENT,
                        argument.span(),
                        "remove one of them",
                        "'" + key + "' of " + owner));
                continue;
            }
            result.bound.put(key, argument);
        }
        for (Signature.Param param : signature.params()) {
            if (param.required() && !result.bound.containsKey(param.name())) {
                result.report(Diagnostic.of(
                        ErrorCode.MISSING_ARGUMENT,
                        ownerSpan,
                        "write it as `" + signature.owner() + "(" + requiredExample(signature) + ")`",
                        owner,
                        "argument '" + param.name() + "'"));
            }
        }
        return result;
    }

    /** The first positional option not bound yet (what a misplaced positional was probably meant as). */
    private String nextFree(List<Signature.Param> positional) {
        return positional.stream()
                .map(Signature.Param::name)
                .filter(name -> !bound.containsKey(name))
                .findFirst()
                .orElse("name");
    }

    private static long countPositional(List<Argument> arguments) {
        return arguments.stream().filter(Argument::isPositional).count();
    }

    private static String requiredExample(Signature signature) {
        return String.join(
                ", ",
                signature.params().stream()
                        .filter(Signature.Param::required)
                        .map(Signature.Param::name)
                        .toList());
    }

    /** True if any argument was rejected (here or in a getter). */
    boolean failed() {
        return failed;
    }

    void report(Diagnostic diagnostic) {
        sink.add(diagnostic);
        if (diagnostic.isError()) {
            failed = true;
        }
    }

    boolean has(String key) {
        return bound.containsKey(key);
    }

    /** The span of an argument, or of the layer when it was not given. */
    Span span(String key) {
        Argument argument = bound.get(key);
        return argument == null ? ownerSpan : argument.span();
    }

    /** An integer of at least 1, or {@code fallback} if absent. */
    Integer positiveInt(String key, Integer fallback) {
        Integer value = integer(key, fallback);
        if (value != null && value < 1 && has(key)) {
            report(Diagnostic.of(
                    ErrorCode.NON_POSITIVE,
                    span(key),
                    "use a positive " + key + ", e.g. " + key + "=" + example(key),
                    owner + " " + key,
                    value));
            return null;
        }
        return value;
    }

    private static int example(String key) {
        return switch (key) {
            case "filters", "units", "output_dim" -> 32;
            case "kernel_size", "pool_size", "n" -> 3;
            default -> 1;
        };
    }

    /** Any integer (negative ones count from the end, like a Keras axis), or {@code fallback} if absent. */
    Integer anyInt(String key, Integer fallback) {
        return integer(key, fallback);
    }

    /** {@code strides} of a pooling layer: an integer, or None / absent for {@code fallback}. */
    Integer positiveIntOrNone(String key, Integer fallback) {
        Argument argument = bound.get(key);
        if (argument != null && argument.value() instanceof Value.NoneValue) {
            return fallback;
        }
        return positiveInt(key, fallback);
    }

    private Integer integer(String key, Integer fallback) {
        Argument argument = bound.get(key);
        if (argument == null) {
            if (fallback == null) {
                failed = true;
            }
            return fallback;
        }
        return toInt(key, argument.value());
    }

    private Integer toInt(String key, Value value) {
        if (!(value instanceof Value.IntValue v)) {
            wrongType(key, value, Signature.Kind.INT.description);
            return null;
        }
        if (v.value().compareTo(INT_MAX) > 0 || v.value().compareTo(INT_MIN) < 0) {
            report(Diagnostic.of(
                    ErrorCode.OVERFLOW,
                    v.span(),
                    "sizes are 32-bit ints: at most " + Integer.MAX_VALUE,
                    owner + " " + key + " = " + v.value(),
                    "it does not fit in an int"));
            return null;
        }
        return v.value().intValue();
    }

    /** A number (integers allowed), or {@code fallback} if absent. */
    Double number(String key, Double fallback) {
        Argument argument = bound.get(key);
        if (argument == null) {
            if (fallback == null) {
                failed = true;
            }
            return fallback;
        }
        if (argument.value() instanceof Value.FloatValue v) {
            return v.value();
        }
        if (argument.value() instanceof Value.IntValue v) {
            return v.value().doubleValue();
        }
        wrongType(key, argument.value(), Signature.Kind.NUMBER.description);
        return null;
    }

    /** A number within [{@code min}, {@code max}) (or [min, max] if {@code maxInclusive}). */
    Double numberIn(String key, Double fallback, double min, boolean minInclusive, double max, boolean maxInclusive) {
        Double value = number(key, fallback);
        if (value == null || !has(key)) {
            return value;
        }
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        if (!aboveMin || !belowMax) {
            String range = (minInclusive ? "[" : "(") + plain(min) + ", "
                    + (Double.isInfinite(max) ? "inf" : plain(max)) + (maxInclusive ? "]" : ")");
            report(Diagnostic.of(
                    ErrorCode.OUT_OF_RANGE,
                    span(key),
                    "choose " + key + " in " + range,
                    owner + " " + key,
                    "in " + range,
                    AstPrinter.print(bound.get(key).value())));
            return null;
        }
        return value;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** {@code true}/{@code false} (or Python's {@code True}/{@code False}). */
    Boolean bool(String key, boolean fallback) {
        Argument argument = bound.get(key);
        if (argument == null) {
            return fallback;
        }
        if (argument.value() instanceof Value.NameValue v) {
            if (v.name().equals("true") || v.name().equals("True")) {
                return true;
            }
            if (v.name().equals("false") || v.name().equals("False")) {
                return false;
            }
        }
        wrongType(key, argument.value(), Signature.Kind.BOOL.description);
        return null;
    }

    /**
     * One of {@code choices} ({@code what} names the kind in messages: activation, padding), or
     * {@code fallback} if absent.
     */
    String word(String key, String fallback, List<String> choices, String what) {
        Argument argument = bound.get(key);
        if (argument == null) {
            if (fallback == null) {
                failed = true;
            }
            return fallback;
        }
        if (!(argument.value() instanceof Value.NameValue v)) {
            wrongType(key, argument.value(), "one of " + String.join(", ", choices));
            return null;
        }
        if (!choices.contains(v.name())) {
            report(Diagnostic.of(
                    ErrorCode.UNKNOWN_VALUE, v.span(), Suggestions.hint(v.name(), choices), what, v.name()));
            return null;
        }
        return v.name();
    }

    /** The explicit layer name, if given. */
    Optional<String> name() {
        Argument argument = bound.get("name");
        if (argument == null) {
            return Optional.empty();
        }
        if (argument.value() instanceof Value.NameValue v) {
            return Optional.of(v.name());
        }
        wrongType("name", argument.value(), "a name such as feature_conv");
        return Optional.empty();
    }

    /**
     * {@code padding} or {@code cropping}: an integer {@code p} for {@code [p, p]}, or a pair {@code
     * [left, right]}, each at least 0; {@code fallback} (both sides) if absent.
     */
    int[] nonNegativePair(String key, int fallback) {
        Argument argument = bound.get(key);
        if (argument == null) {
            return new int[] {fallback, fallback};
        }
        Value value = argument.value();
        int[] pair;
        if (value instanceof Value.IntValue) {
            Integer p = toInt(key, value);
            if (p == null) {
                return null;
            }
            pair = new int[] {p, p};
        } else if (value instanceof Value.ListValue list && list.elements().size() == 2) {
            Integer left = toInt(key, list.elements().get(0));
            Integer right = left == null ? null : toInt(key, list.elements().get(1));
            if (right == null) {
                return null;
            }
            pair = new int[] {left, right};
        } else {
            wrongType(key, value, Signature.Kind.INT_OR_PAIR.description);
            return null;
        }
        if (pair[0] < 0 || pair[1] < 0) {
            report(Diagnostic.of(
                    ErrorCode.OUT_OF_RANGE,
                    span(key),
                    "use 0 or more steps on each side, e.g. " + key + "=" + Math.max(pair[0], 0) + " or " + key + "=["
                            + Math.max(pair[0], 0) + ", " + Math.max(pair[1], 0) + "]",
                    owner + " " + key,
                    "0 or more on each side",
                    AstPrinter.print(value)));
            return null;
        }
        return pair;
    }

    /**
     * {@code permute}'s {@code dims}: a permutation of {@code 1..n} (1-based, the batch axis not
     * counted).
     */
    List<Integer> permutation(String key) {
        Argument argument = bound.get(key);
        if (argument == null) {
            failed = true;
            return null;
        }
        if (!(argument.value() instanceof Value.ListValue list)
                || list.elements().isEmpty()) {
            wrongType(key, argument.value(), Signature.Kind.INT_LIST.description);
            return null;
        }
        List<Integer> values = new ArrayList<>();
        for (Value element : list.elements()) {
            Integer value = toInt(key, element);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        if (!dev.lamina.runtime.spec.LayerSpec.Permute.isPermutation(values)) {
            List<Integer> example = new ArrayList<>();
            for (int i = values.size(); i >= 1; i--) {
                example.add(i);
            }
            report(Diagnostic.of(
                    ErrorCode.OUT_OF_RANGE,
                    span(key),
                    "list each axis 1.." + values.size() + " once (1-based, without the batch axis), e.g. " + key + "="
                            + example,
                    owner + " " + key,
                    "a permutation of 1.." + values.size(),
                    AstPrinter.print(argument.value())));
            return null;
        }
        return values;
    }

    /** A non-empty list of positive integers. */
    List<Integer> positiveIntList(String key) {
        Argument argument = bound.get(key);
        if (argument == null) {
            failed = true;
            return null;
        }
        if (!(argument.value() instanceof Value.ListValue list)
                || list.elements().isEmpty()) {
            wrongType(key, argument.value(), Signature.Kind.INT_LIST.description);
            return null;
        }
        List<Integer> values = new ArrayList<>();
        for (Value element : list.elements()) {
            Integer value = toInt(key, element);
            if (value == null) {
                return null;
            }
            if (value < 1) {
                report(Diagnostic.of(
                        ErrorCode.NON_POSITIVE,
                        element.span(),
                        "every dimension of " + key + " must be 1 or more",
                        owner + " " + key + " dimension",
                        value));
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private void wrongType(String key, Value value, String expected) {
        report(Diagnostic.of(
                ErrorCode.WRONG_TYPE,
                value.span(),
                "write " + key + "=<" + expected + ">",
                owner + " " + key,
                expected,
                AstPrinter.print(value)));
    }
}
