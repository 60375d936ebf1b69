package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated source of a few small models, by both backends, compared byte for byte with the
 * files checked in under {@code src/test/resources/golden-sources} (and its {@code vector/}
 * folder), so every change to the generator shows up as a reviewable diff. After an intended change, regenerate them with
 *
 * <pre>{@code
 * mvn -pl compiler -am test -Dtest=GoldenSourcesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlamina.updateGoldenSources=true
 * }</pre>
 *
 * and review the diff.
 */
class GoldenSourcesTest {
    static final String UPDATE_PROPERTY = "lamina.updateGoldenSources";
    static final Path DIRECTORY = Path.of("src", "test", "resources", "golden-sources");

    /** A golden model: its {@code .lamina} file name and text. */
    record LaminaSource(String fileName, String text) {
        @Override
        public String toString() {
            return fileName;
        }
    }

    static Stream<LaminaSource> models() {
        return Stream.of(
                new LaminaSource(
                        "toy.lamina",
                        """
                        // The seed toy: 4 steps, 1 channel, one filter of kernel 2, no bias.
                        model Toy {
                          input [4, 1]
                          conv1d(1, 2, use_bias=false, name=c1d)
                        }
                        """),
                new LaminaSource(
                        "small_convnet.lamina",
                        """
                        // Same padding, max pooling, flatten and a softmax dense, trained with Adam.
                        model SmallConvnet {
                          input [16, 2]
                          conv1d(8, 3, padding=same, activation=relu, name=conv)
                          max_pooling1d(2, name=pool)
                          flatten(name=flatten)
                          dense(3, activation=softmax, name=out)
                          train {
                            loss categorical_crossentropy
                            optimizer adam(learning_rate=0.001)
                          }
                        }
                        """),
                new LaminaSource(
                        "token_classifier.lamina",
                        """
                        // Token ids through an embedding, a dilated causal gelu conv, average pooling, dropout.
                        model TokenClassifier {
                          input [12] int
                          embedding(20, 4, name=embedding)
                          conv1d(6, 3, padding=causal, dilation_rate=2, activation=gelu, name=conv)
                          global_average_pooling1d(name=pool)
                          dropout(0.25, name=dropout)
                          dense(1, activation=sigmoid, name=out)
                          train {
                            loss binary_crossentropy
                            optimizer sgd(learning_rate=0.01, momentum=0.9, nesterov=true)
                          }
                        }
                        """),
                new LaminaSource(
                        "two_inputs.lamina",
                        """
                        // A graph: two inputs, a residual add over a tensor read twice, and a concatenation.
                        model TwoInputs {
                          input seq [8, 2]
                          input side [3]
                          a = seq -> conv1d(4, 3, padding=same, activation=relu, name=conv)
                          b = a -> conv1d(4, 3, padding=same, name=conv_2)
                          [a, b] -> add(name=skip)
                          pooled = global_average_pooling1d(name=pool)
                          [pooled, side] -> concatenate(name=joined)
                          dense(1, activation=sigmoid, name=out)
                          train {
                            loss binary_crossentropy
                            optimizer adam(learning_rate=0.001)
                          }
                        }
                        """),
                new LaminaSource(
                        "wide_convnet.lamina",
                        """
                        // Layers wide enough for the vector backend's kernels: a conv and a dense of 16 outputs.
                        model WideConvnet {
                          input [32, 8]
                          conv1d(16, 5, activation=relu, name=conv)
                          global_average_pooling1d(name=pool)
                          dense(16, activation=relu, name=hidden)
                          dense(4, activation=softmax, name=out)
                          train {
                            loss categorical_crossentropy
                            optimizer adam(learning_rate=0.001)
                          }
                        }
                        """));
    }

    @ParameterizedTest
    @MethodSource("models")
    void generatedSourceMatchesCheckedInFile(LaminaSource lamina) throws IOException {
        assertMatchesCheckedInFile(lamina, Backend.SCALAR, DIRECTORY);
    }

    /** The vector backend's sources, written on any Java (only running them needs JDK 25). */
    @ParameterizedTest
    @MethodSource("models")
    void vectorSourceMatchesCheckedInFile(LaminaSource lamina) throws IOException {
        assertMatchesCheckedInFile(lamina, Backend.VECTOR, DIRECTORY.resolve("vector"));
    }

    private static void assertMatchesCheckedInFile(LaminaSource lamina, Backend backend, Path directory)
            throws IOException {
        Compilation compilation = LaminaCompiler.compile(lamina.fileName(), lamina.text());
        assertThat(compilation.diagnostics()).as(compilation.render()).isEmpty();
        assertThat(compilation.models()).hasSize(1);
        GeneratedModel model = new ModelGenerator("dev.lamina.generated", backend)
                .generate(compilation.models().get(0), lamina.text());
        Path file = directory.resolve(model.className() + ".java");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(directory);
            Files.writeString(file, model.source(), StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("golden source %s; regenerate with -D%s=true if the change is intended", file, UPDATE_PROPERTY)
                .exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(model.source());
    }
}
