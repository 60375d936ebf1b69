package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.WindowRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A sliding window over steps (conv1d or pooling) with every size a constant: {@code in} input
 * steps, {@code out} output steps, a kernel of {@code kernel} taps {@code dilation} apart, moved by
 * {@code stride}, with {@code padLeft} virtual zeros on the left. Splits the output steps into the
 * interior, where every tap is a real step, and the padded edges.
 */
record Window(int in, int out, int kernel, int stride, int dilation, int padLeft) {

    /** The window of a layer under Keras's padding rules. */
    static Window of(int in, int out, int kernel, int stride, int dilation, Padding padding) {
        int span = (kernel - 1) * dilation + 1;
        return new Window(in, out, kernel, stride, dilation, (int) WindowRule.leftPadding(in, span, stride, padding));
    }

    /** A run of output steps {@code [from, to)}; interior runs see every tap. */
    record Segment(int from, int to, boolean interior) {}

    List<Segment> segments() {
        int first = Math.min(ceilDiv(padLeft, stride), out);
        int last = Math.floorDiv(in - 1 - (kernel - 1) * dilation + padLeft, stride) + 1;
        last = Math.max(Math.min(last, out), first);
        List<Segment> segments = new ArrayList<>();
        if (first > 0) {
            segments.add(new Segment(0, first, false));
        }
        if (last > first) {
            segments.add(new Segment(first, last, true));
        }
        if (out > last) {
            segments.add(new Segment(last, out, false));
        }
        return segments;
    }

    /** The input step of tap {@code k} for output step {@code t}, as an expression. */
    String inputStep(String t, String k) {
        return Expressions.sum(
                Expressions.plus(Expressions.times(t, stride), -padLeft), Expressions.times(k, dilation));
    }

    /** The first tap of output step {@code t} in range, for an edge step. */
    String firstTap(String t) {
        if (dilation == 1) {
            return "Math.max(0, " + Expressions.plus("-" + Expressions.times(t, stride), padLeft) + ")";
        }
        return "Math.max(0, -Math.floorDiv(" + Expressions.plus(Expressions.times(t, stride), -padLeft) + ", "
                + dilation + "))";
    }

    /** One past the last tap of output step {@code t} in range, for an edge step. */
    String endTap(String t) {
        if (dilation == 1) {
            return "Math.min(" + kernel + ", " + Expressions.plus("-" + Expressions.times(t, stride), in + padLeft)
                    + ")";
        }
        return "Math.min(" + kernel + ", Math.floorDiv("
                + Expressions.plus("-" + Expressions.times(t, stride), in - 1 + padLeft) + ", " + dilation + ") + 1)";
    }

    /** The taps in range of output step {@code t}, known at generation time (for unrolled code). */
    int[] tapRange(int t) {
        int lo = Math.max(0, -Math.floorDiv(t * stride - padLeft, dilation));
        int hi = Math.min(kernel, Math.floorDiv(in - 1 + padLeft - t * stride, dilation) + 1);
        return new int[] {lo, Math.max(lo, hi)};
    }

    /** The input step of tap {@code k} for output step {@code t} (for unrolled code). */
    int inputStep(int t, int k) {
        return t * stride - padLeft + k * dilation;
    }

    /** Body of one output step, given the tap range as expressions. */
    interface StepBody {
        void emit(CodeBlock.Builder code, String firstTap, String endTap);
    }

    /**
     * Emits one loop over {@code t} per segment: interior loops use the constant tap range {@code
     * [0, kernel)}, edge loops compute {@code kLo} and {@code kHi} once per output step.
     */
    void forEachStep(CodeBlock.Builder code, StepBody body) {
        for (Segment segment : segments()) {
            emitSteps(code, segment.from(), segment.to(), segment.interior(), body);
        }
    }

    /** One loop over the output steps {@code [from, to)}, all interior or all edge. */
    void emitSteps(CodeBlock.Builder code, int from, int to, boolean interior, StepBody body) {
        code.add("// output steps [$L, $L): $L\n", from, to, interior ? "interior" : "padded edge");
        code.beginControlFlow("for (int t = $L; t < $L; t++)", from, to);
        if (interior) {
            body.emit(code, "0", Integer.toString(kernel));
        } else {
            code.addStatement("int kLo = $L", firstTap("t"));
            code.addStatement("int kHi = $L", endTap("t"));
            body.emit(code, "kLo", "kHi");
        }
        code.endControlFlow();
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
