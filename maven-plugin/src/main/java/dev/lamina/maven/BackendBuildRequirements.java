package dev.lamina.maven;

import dev.lamina.compiler.codegen.Backend;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What a build with {@code backend=vector} needs, checked before anything is generated: Maven
 * running on Java {@value Backend#VECTOR_MINIMUM_JAVA}+, and {@code --add-modules
 * jdk.incubator.vector} in the maven-compiler-plugin's {@code compilerArgs}. The plugin cannot add
 * that argument itself: the compiler plugin reads {@code compilerArgs} from the POM only (the
 * parameter has no user property a plugin could set), so a project without it gets an error with the
 * snippet to add.
 */
final class BackendBuildRequirements {
    /** The configuration a project using the vector backend adds to its maven-compiler-plugin. */
    static final String COMPILER_ARGS_SNIPPET =
            """
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-compiler-plugin</artifactId>
              <configuration>
                <compilerArgs>
                  <arg>--add-modules</arg>
                  <arg>jdk.incubator.vector</arg>
                </compilerArgs>
              </configuration>
            </plugin>""";

    private static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

    private BackendBuildRequirements() {}

    /**
     * Why this build cannot use the vector backend, or null when it can: the Java Maven runs on
     * ({@code javaFeature}, {@code javaVersion} at {@code javaHome}) must be 25+, and {@code
     * compilerArgs} must add the incubator module.
     */
    static String problem(int javaFeature, String javaVersion, String javaHome, List<String> compilerArgs) {
        if (javaFeature < Backend.VECTOR_MINIMUM_JAVA) {
            return "lamina: backend vector needs Maven to run on Java " + Backend.VECTOR_MINIMUM_JAVA
                    + " or later (the generated classes use the JDK " + Backend.VECTOR_MINIMUM_JAVA
                    + " Vector API), and this Maven runs on Java " + javaVersion + " (" + javaHome
                    + "); run Maven with JAVA_HOME set to a JDK " + Backend.VECTOR_MINIMUM_JAVA
                    + "+ (e.g. JAVA_HOME=/path/to/jdk-" + Backend.VECTOR_MINIMUM_JAVA
                    + " mvn ...), or use backend scalar";
        }
        if (!addsVectorModule(compilerArgs)) {
            return "lamina: backend vector generates classes that javac compiles only with --add-modules "
                    + Backend.VECTOR_MODULE + ", and this project's maven-compiler-plugin does not pass it"
                    + " (the Lamina plugin cannot add it for you: the compiler plugin reads compilerArgs from the"
                    + " POM only). Add it to the project's build plugins:\n" + COMPILER_ARGS_SNIPPET + "\n"
                    + "Running the classes (java, Surefire's argLine, exec) needs --add-modules "
                    + Backend.VECTOR_MODULE + " as well.";
        }
        return null;
    }

    /**
     * Whether javac arguments add the incubator module: {@code --add-modules M} or {@code
     * --add-modules=M}, with {@code M} a comma-separated list naming it.
     */
    static boolean addsVectorModule(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).trim();
            String modules = null;
            if (arg.equals("--add-modules") && i + 1 < args.size()) {
                modules = args.get(i + 1);
            } else if (arg.startsWith("--add-modules=")) {
                modules = arg.substring("--add-modules=".length());
            }
            if (modules != null) {
                for (String module : modules.split(",")) {
                    if (module.trim().equals(Backend.VECTOR_MODULE)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The {@code compilerArgs} (and {@code compilerArgument}) the maven-compiler-plugin execution
     * {@code executionId} (e.g. {@code default-compile}) of {@code project} runs with: that
     * execution's configuration when the effective POM has it, else the plugin's.
     */
    static List<String> compilerArgs(MavenProject project, String executionId) {
        Plugin plugin = project.getBuild().getPluginsAsMap().get(COMPILER_PLUGIN);
        if (plugin == null) {
            return List.of();
        }
        Object configuration = plugin.getConfiguration();
        PluginExecution execution = plugin.getExecutionsAsMap().get(executionId);
        if (execution != null && execution.getConfiguration() != null) {
            configuration = execution.getConfiguration();
        }
        List<String> args = new ArrayList<>();
        if (configuration instanceof Xpp3Dom dom) {
            Xpp3Dom compilerArgs = dom.getChild("compilerArgs");
            if (compilerArgs != null) {
                for (Xpp3Dom arg : compilerArgs.getChildren()) {
                    if (arg.getValue() != null) {
                        args.add(arg.getValue());
                    }
                }
            }
            Xpp3Dom compilerArgument = dom.getChild("compilerArgument");
            if (compilerArgument != null && compilerArgument.getValue() != null) {
                args.add(compilerArgument.getValue());
            }
        }
        return args;
    }
}
