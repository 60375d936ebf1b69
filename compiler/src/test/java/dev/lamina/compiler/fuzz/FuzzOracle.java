package dev.lamina.compiler.fuzz;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.codegen.ModelGenerator;
import dev.lamina.compiler.codegen.UnsupportedModelException;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.compiler.diag.Severity;
import dev.lamina.runtime.BatchShards;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs one input through the pipeline and checks what must hold for any input: the front end
 * returns diagnostics and never throws (rendering them included); the generator either generates
 * or declines a model with an {@link UnsupportedModelException}; the interpreter runs every
 * accepted model on random data (a forward pass and a training step on a batch of 2) without an
 * exception. Models above the size limits (parameters, multiply-adds, or 2^20 values of the input
 * or of a layer output per example) are counted, not run, to keep each input fast; a None
 * length is given the first of a few lengths from 1 to 256 for which the shape rules give an output.
 */
final class FuzzOracle {
    /** The package of generated classes; {@link JavacBatch} gives each source its own. */
    static final String PACKAGE = "fuzzgen";

    private static final int BATCH = 2;
    private static final long MAX_VALUES_PER_EXAMPLE = 1 << 20;
    private static final int[] LENGTHS = {1, 2, 3, 5, 8, 16, 32, 64, 128, 256};

    private final long maxParameters;
    private final long maxWorkPerExample;

    /**
     * An oracle that interprets models of at most {@code maxParameters} parameters and {@code
     * maxWorkPerExample} multiply-adds per example ({@link BatchShards#workPerExample}).
     */
    FuzzOracle(long maxParameters, long maxWorkPerExample) {
        this.maxParameters = maxParameters;
        this.maxWorkPerExample = maxWorkPerExample;
    }

    FuzzOutcome check(String name, byte[] input, long dataSeed) {
        Compilation compilation;
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        try {
            compilation = LaminaCompiler.compile(name, input);
            compilation.render();
            for (Diagnostic d : compilation.diagnostics()) {
                if (d.severity() == Severity.ERROR) {
                    codes.add(d.code());
                }
            }
            if (compilation.hasErrors() != !codes.isEmpty()
                    || (compilation.hasErrors() && !compilation.models().isEmpty())) {
                throw new IllegalStateException("a compilation with errors " + codes + " has models "
                        + compilation.models().size());
            }
        } catch (Throwable e) {
            return failed(codes, FuzzOutcome.Stage.FRONT_END, e);
        }
        if (!codes.isEmpty()) {
            return new FuzzOutcome(codes, List.of(), 0, 0, 0, 0, null);
        }
        List<FuzzOutcome.Generated> generated = new ArrayList<>();
        int notGenerated = 0;
        ModelGenerator generator = new ModelGenerator(PACKAGE);
        for (CheckedModel model : compilation.models()) {
            try {
                generated.add(new FuzzOutcome.Generated(model, generator.generate(model, compilation.sourceText())));
            } catch (UnsupportedModelException e) {
                notGenerated++;
            } catch (Throwable e) {
                return failed(codes, FuzzOutcome.Stage.GENERATOR, e);
            }
        }
        int interpreted = 0;
        int tooLarge = 0;
        int noLength = 0;
        SplittableRandom random = new SplittableRandom(dataSeed);
        for (CheckedModel model : compilation.models()) {
            try {
                switch (interpret(model.spec(), random)) {
                    case RAN -> interpreted++;
                    case TOO_LARGE -> tooLarge++;
                    case NO_LENGTH -> noLength++;
                }
            } catch (Throwable e) {
                return failed(codes, FuzzOutcome.Stage.INTERPRETER, e);
            }
        }
        return new FuzzOutcome(codes, generated, notGenerated, interpreted, tooLarge, noLength, null);
    }

    private static FuzzOutcome failed(Set<ErrorCode> codes, FuzzOutcome.Stage stage, Throwable e) {
        return new FuzzOutcome(codes, List.of(), 0, 0, 0, 0, new FuzzOutcome.Failure(stage, e));
    }

    private enum Run {
        RAN,
        TOO_LARGE,
        NO_LENGTH
    }

    private Run interpret(ModelSpec spec, SplittableRandom random) {
        List<Shape> inputs = concreteInputs(spec);
        if (inputs == null) {
            return Run.NO_LENGTH;
        }
        if (spec.parameterCount() > maxParameters
                || BatchShards.workPerExample(spec, inputs) > maxWorkPerExample
                || largestValues(spec, inputs) > MAX_VALUES_PER_EXAMPLE) {
            return Run.TOO_LARGE;
        }
        Interpreter model = new Interpreter(spec, random.nextLong());
        model.setDropoutSeed(random.nextLong());
        float[][] x = new float[inputs.size()][];
        for (int in = 0; in < x.length; in++) {
            InputSpec input = spec.inputs().get(in);
            int vocabulary = vocabulary(spec, input.name());
            x[in] = new float[BATCH * inputs.get(in).size()];
            for (int i = 0; i < x[in].length; i++) {
                x[in][i] =
                        input.integerIds() ? random.nextInt(Math.max(1, vocabulary)) : (float) random.nextDouble(-1, 1);
            }
        }
        float[] y = model.predict(x, BATCH);
        LossKind loss = spec.training().map(TrainingSpec::loss).orElse(LossKind.MSE);
        float[] target;
        if (loss == LossKind.SPARSE_CATEGORICAL_CROSSENTROPY) {
            Shape output = model.outputShapeFor(inputs);
            int classes = output.last();
            target = new float[y.length / classes];
            for (int i = 0; i < target.length; i++) {
                target[i] = random.nextInt(classes);
            }
        } else {
            target = new float[y.length];
            for (int i = 0; i < target.length; i++) {
                target[i] = (float) random.nextDouble();
            }
        }
        model.trainStep(x, target, BATCH);
        return Run.RAN;
    }

    /** The vocabulary of the embedding reading input {@code input}, or 0. */
    private static int vocabulary(ModelSpec spec, String input) {
        for (var node : spec.nodes()) {
            if (node.layer() instanceof LayerSpec.Embedding e && node.inputs().contains(input)) {
                return e.inputDim();
            }
        }
        return 0;
    }

    /** The most values of an input or of a layer's output per example, counted without overflow. */
    private static long largestValues(ModelSpec spec, List<Shape> inputs) {
        long largest = 0;
        for (Shape shape : spec.tensorShapesFor(inputs)) {
            largest = Math.max(largest, values(shape));
        }
        return largest;
    }

    private static long values(Shape shape) {
        long values = 1;
        for (int d : shape.dims()) {
            if (d > 0 && values > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            values *= d;
        }
        return values;
    }

    /** The input shapes with every None length set to the first of {@link #LENGTHS} the layers accept. */
    private static List<Shape> concreteInputs(ModelSpec spec) {
        List<Shape> declared = spec.inputs().stream().map(InputSpec::shape).toList();
        if (declared.stream().allMatch(Shape::isFullyKnown)) {
            return declared;
        }
        for (int length : LENGTHS) {
            List<Shape> candidates = new java.util.ArrayList<>();
            for (Shape shape : declared) {
                Shape candidate = shape;
                for (int axis = 0; axis < shape.rank(); axis++) {
                    if (shape.dim(axis) == Shape.UNKNOWN) {
                        candidate = candidate.withDim(axis, length);
                    }
                }
                candidates.add(candidate);
            }
            try {
                spec.tensorShapesFor(candidates);
                return candidates;
            } catch (IllegalArgumentException tooShort) {
                // the next length
            }
        }
        return null;
    }
}
