package dev.lamina.compiler.check;

import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.MergeRule;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.ShapeMismatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The merge layers' shape rules as the checker applies them: {@link MergeRule}'s arithmetic with
 * its derivation for {@code lamina explain}, and each rejection with both shapes and the axis that
 * differs.
 */
final class MergeShapes {
    private MergeShapes() {}

    static LayerShape elementwise(LayerSpec.Merge merge, List<Shape> inputs) throws ShapeProblem {
        String type = merge.typeName();
        if (merge.kind() == MergeKind.SUBTRACT && inputs.size() != 2) {
            throw new ShapeProblem(
                    ErrorCode.MERGE_ARITY,
                    ErrorCode.MERGE_ARITY.message(
                            "subtract", "exactly 2 inputs (the first minus the second)", inputs.size()),
                    inputs.size() > 2
                            ? "subtract two at a time, or add the others first: `[a, b] -> add`"
                            : "write `[a, b] -> subtract`");
        }
        Shape output;
        try {
            output = MergeRule.elementwise(inputs);
        } catch (ShapeMismatch mismatch) {
            throw mismatch(
                    type,
                    inputs,
                    MergeRule::elementwise,
                    mismatch,
                    "make the shapes equal (or 1 on the axis that differs), e.g. with a"
                            + " dense or a 1x1 conv1d on one branch");
        }
        List<String> lines = new ArrayList<>();
        lines.add("output: element-wise " + type + " of " + list(inputs) + " = " + output
                + (inputs.stream().allMatch(output::equals) ? "" : " (size-1 axes broadcast)"));
        lines.add("params: 0 (" + type + " has no weights)");
        return new LayerShape(output, 0, lines);
    }

    static LayerShape concatenate(LayerSpec.Concatenate concatenate, List<Shape> inputs) throws ShapeProblem {
        Shape first = inputs.get(0);
        int axis;
        try {
            axis = MergeRule.perExampleAxis(concatenate.axis(), first.rank());
        } catch (IllegalArgumentException e) {
            throw new ShapeProblem(
                    ErrorCode.CONCATENATE_AXIS,
                    ErrorCode.CONCATENATE_AXIS.message(concatenate.axis(), e.getMessage()),
                    "axes count the batch as 0 (Keras): the last axis is -1, the steps of a (steps, channels)"
                            + " tensor are 1");
        }
        Shape output;
        try {
            output = MergeRule.concatenate(inputs, concatenate.axis());
        } catch (ShapeMismatch mismatch) {
            throw mismatch(
                    "concatenate",
                    inputs,
                    joined -> MergeRule.concatenate(joined, concatenate.axis()),
                    mismatch,
                    "every axis but the joined one (axis " + (axis + 1) + ") must be equal; concatenate on another"
                            + " axis with axis=..., or bring the shapes together first");
        }
        String sizes = inputs.stream()
                .map(s -> s.dim(axis) == Shape.UNKNOWN ? "None" : Integer.toString(s.dim(axis)))
                .collect(Collectors.joining(" + "));
        String total = output.dim(axis) == Shape.UNKNOWN ? "None" : Integer.toString(output.dim(axis));
        return new LayerShape(
                output,
                0,
                List.of(
                        "output: " + list(inputs) + " joined on axis " + concatenate.axis() + " (axis " + (axis + 1)
                                + " of " + (first.rank() + 1) + " with the batch): " + sizes + " = " + total + " -> "
                                + output,
                        "params: 0 (concatenate has no weights)"));
    }

    /**
     * The merge error for {@code mismatch}: the shape the inputs before the failing one combine to
     * by {@code rule} (they did combine), and the failing input.
     */
    private static ShapeProblem mismatch(
            String type, List<Shape> inputs, Function<List<Shape>, Shape> rule, ShapeMismatch mismatch, String hint) {
        int other = mismatch.input();
        String before = other == 1
                ? "input 1 has shape " + inputs.get(0)
                : "inputs 1 to " + other + " combine to shape " + rule.apply(inputs.subList(0, other));
        String detail =
                before + " and input " + (other + 1) + " has " + inputs.get(other) + ": " + mismatch.getMessage();
        return new ShapeProblem(ErrorCode.MERGE_SHAPES, ErrorCode.MERGE_SHAPES.message(type, detail), hint);
    }

    private static String list(List<Shape> shapes) {
        return shapes.stream().map(Shape::toString).collect(Collectors.joining(" and "));
    }
}
