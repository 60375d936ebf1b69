package dev.lamina.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class BackendBuildRequirementsTest {
    private static final List<String> ADD_VECTOR = List.of("--add-modules", "jdk.incubator.vector");

    @Test
    void mavenOnJavaBefore25IsRefusedWithHowToRunItOnANewerOne() {
        assertThat(BackendBuildRequirements.problem(17, "17.0.13+11", "/usr/lib/jvm/java-17", ADD_VECTOR))
                .isEqualTo("lamina: backend vector needs Maven to run on Java 25 or later (the generated classes use"
                        + " the JDK 25 Vector API), and this Maven runs on Java 17.0.13+11 (/usr/lib/jvm/java-17);"
                        + " run Maven with JAVA_HOME set to a JDK 25+ (e.g. JAVA_HOME=/path/to/jdk-25 mvn ...), or"
                        + " use backend scalar");
    }

    @Test
    void aCompilerWithoutTheModuleIsRefusedWithTheSnippetToAdd() {
        String problem = BackendBuildRequirements.problem(25, "25", "/jdk-25", List.of("-Xlint:all"));
        assertThat(problem)
                .startsWith("lamina: backend vector generates classes that javac compiles only with --add-modules"
                        + " jdk.incubator.vector, and this project's maven-compiler-plugin does not pass it")
                .contains(
                        "\n    <compilerArgs>\n      <arg>--add-modules</arg>\n      <arg>jdk.incubator.vector</arg>\n"
                                + "    </compilerArgs>\n");
        assertThat(BackendBuildRequirements.problem(25, "25", "/jdk-25", ADD_VECTOR))
                .isNull();
    }

    @Test
    void recognizesEveryWayOfAddingTheModule() {
        assertThat(BackendBuildRequirements.addsVectorModule(ADD_VECTOR)).isTrue();
        assertThat(BackendBuildRequirements.addsVectorModule(
                        List.of("-g", "--add-modules=java.sql,jdk.incubator.vector")))
                .isTrue();
        assertThat(BackendBuildRequirements.addsVectorModule(
                        List.of("--add-modules", "java.sql", "jdk.incubator.vector")))
                .isFalse();
        assertThat(BackendBuildRequirements.addsVectorModule(List.of("--add-modules")))
                .isFalse();
        assertThat(BackendBuildRequirements.addsVectorModule(List.of())).isFalse();
    }

    @Test
    void readsTheCompilerArgsOfTheExecutionThatCompilesTheSources() {
        Plugin compiler = new Plugin();
        compiler.setGroupId("org.apache.maven.plugins");
        compiler.setArtifactId("maven-compiler-plugin");
        compiler.setConfiguration(configuration("-Xlint:all"));
        PluginExecution testCompile = new PluginExecution();
        testCompile.setId("default-testCompile");
        testCompile.setConfiguration(configuration("--add-modules", "jdk.incubator.vector"));
        compiler.addExecution(testCompile);
        Build build = new Build();
        build.addPlugin(compiler);
        Model model = new Model();
        model.setBuild(build);
        MavenProject project = new MavenProject(model);

        assertThat(BackendBuildRequirements.compilerArgs(project, "default-compile"))
                .containsExactly("-Xlint:all");
        assertThat(BackendBuildRequirements.compilerArgs(project, "default-testCompile"))
                .containsExactly("--add-modules", "jdk.incubator.vector");
        assertThat(BackendBuildRequirements.compilerArgs(new MavenProject(), "default-compile"))
                .isEmpty();
    }

    private static Xpp3Dom configuration(String... args) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom compilerArgs = new Xpp3Dom("compilerArgs");
        for (String value : args) {
            Xpp3Dom arg = new Xpp3Dom("arg");
            arg.setValue(value);
            compilerArgs.addChild(arg);
        }
        configuration.addChild(compilerArgs);
        return configuration;
    }
}
