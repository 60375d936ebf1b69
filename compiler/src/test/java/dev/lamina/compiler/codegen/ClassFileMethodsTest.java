package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The class-file reader measures bytecode lengths exactly. */
class ClassFileMethodsTest {
    @Test
    void readsCodeLengthsOfKnownMethods() {
        String source =
                """
                package t;
                public class Sizes {
                    static final long BIG = 1L << 40;
                    static final double D = 0.5;
                    static int one() { return 1; }
                    void empty() {}
                }
                """;
        InMemoryJavaCompiler.Result result = TestCompiler.create().compile("t.Sizes", source);
        Map<String, Integer> sizes =
                ClassFileMethods.bytecodeSizes(result.classFiles().get("t.Sizes"));
        // iconst_1, ireturn
        assertThat(sizes).containsEntry("one()I", 2);
        // return
        assertThat(sizes).containsEntry("empty()V", 1);
        // aload_0, invokespecial Object.<init>, return
        assertThat(sizes).containsEntry("<init>()V", 5);
    }
}
