package dev.lamina.maven;

import dev.lamina.compiler.codegen.Backend;
import dev.lamina.runtime.io.AtomicFileSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates the sources of every spec below a folder, redoing only what changed: a spec whose
 * content, package, generator version and backend are unchanged (and whose files are still there) is left
 * alone; a changed spec replaces its own files; a deleted spec's files are removed. When any spec
 * has an error, every diagnostic is logged and nothing in the output folder changes.
 */
final class IncrementalGenerator {
    /** What a run did. */
    record Result(int generatedSpecs, int generatedFiles, int upToDate, int removedSpecs) {
        String describe() {
            if (generatedSpecs == 0 && removedSpecs == 0) {
                return "Lamina: " + upToDate + " spec(s) up to date, nothing to generate";
            }
            return "Lamina: generated " + generatedFiles + " source file(s) from " + generatedSpecs + " spec(s), "
                    + upToDate + " up to date, " + removedSpecs + " removed";
        }
    }

    private final Path sourceDirectory;
    private final Path outputDirectory;
    private final Path stateFile;
    private final String fixedPackage;
    private final String generatorVersion;
    private final Backend backend;
    private final GeneratorLog log;
    private final SpecCompiler compiler;

    IncrementalGenerator(
            Path sourceDirectory,
            Path outputDirectory,
            Path stateFile,
            String fixedPackage,
            String generatorVersion,
            Backend backend,
            GeneratorLog log) {
        this(
                sourceDirectory,
                outputDirectory,
                stateFile,
                fixedPackage,
                generatorVersion,
                backend,
                log,
                new LaminaSpecCompiler(backend));
    }

    IncrementalGenerator(
            Path sourceDirectory,
            Path outputDirectory,
            Path stateFile,
            String fixedPackage,
            String generatorVersion,
            Backend backend,
            GeneratorLog log,
            SpecCompiler compiler) {
        this.sourceDirectory = sourceDirectory;
        this.outputDirectory = outputDirectory;
        this.stateFile = stateFile;
        this.fixedPackage = fixedPackage == null || fixedPackage.isBlank() ? null : fixedPackage.trim();
        this.generatorVersion = generatorVersion;
        this.backend = backend;
        this.log = log;
        this.compiler = compiler;
    }

    /**
     * Generates what changed. Spec problems (diagnostics, a folder that is not a Java package, an
     * exception while compiling one spec) are logged and end in a {@link SpecErrorsException} naming
     * the first; an I/O failure outside the specs is an {@link IOException} naming the file. Either
     * way the output folder and the state are left as they were.
     */
    Result run() throws IOException, SpecErrorsException {
        if (fixedPackage != null && PackageFolders.problem(fixedPackage) != null) {
            throw new SpecErrorsException("lamina: the packageName parameter (lamina.packageName) '" + fixedPackage
                    + "' is not a Java package: " + PackageFolders.problem(fixedPackage));
        }
        GeneratorState previous = readState();
        Map<String, GeneratorState.Entry> next = new TreeMap<>();
        Map<String, SpecOutcome> changed = new LinkedHashMap<>();
        int errors = 0;
        int failedSpecs = 0;
        String firstError = null;
        for (Path spec : specs()) {
            String relative = sourceDirectory.relativize(spec).toString().replace('\\', '/');
            String packageName = packageOf(relative);
            SpecOutcome outcome;
            String fingerprint = null;
            try {
                fingerprint = fingerprint(spec, packageName);
                GeneratorState.Entry old = previous.entries().get(relative);
                if (old != null && old.fingerprint().equals(fingerprint) && allExist(old.files())) {
                    next.put(relative, old);
                    continue;
                }
                outcome = compile(spec, relative, packageName);
            } catch (IOException e) {
                outcome = failure(spec, "cannot read it: " + e);
            }
            if (outcome.errors() > 0) {
                errors += outcome.errors();
                failedSpecs++;
                if (firstError == null) {
                    firstError = firstError(outcome);
                }
            }
            if (!outcome.renderedDiagnostics().isBlank()) {
                for (String line : outcome.renderedDiagnostics().stripTrailing().split("\n")) {
                    if (outcome.errors() > 0) {
                        log.error(line);
                    } else {
                        log.info(line);
                    }
                }
            }
            changed.put(relative, outcome);
            next.put(relative, new GeneratorState.Entry(fingerprint, paths(outcome.sources())));
        }
        if (errors > 0) {
            throw new SpecErrorsException("lamina: " + errors + (errors == 1 ? " error" : " errors") + " in "
                    + failedSpecs + " spec file(s); no sources were generated; the first: " + firstError);
        }
        checkNoCollisions(next);
        Map<Path, byte[]> written = new LinkedHashMap<>();
        for (SpecOutcome outcome : changed.values()) {
            for (GeneratedSource source : outcome.sources()) {
                written.put(
                        outputDirectory.resolve(source.relativePath()),
                        source.content().getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            AtomicFileSet.write(written);
        } catch (IOException e) {
            throw new IOException(
                    "cannot write the generated sources in " + outputDirectory + ": " + e.getMessage()
                            + "; no file was changed",
                    e);
        }
        int removed = 0;
        for (Map.Entry<String, GeneratorState.Entry> old : previous.entries().entrySet()) {
            boolean gone = !next.containsKey(old.getKey());
            if (gone || changed.containsKey(old.getKey())) {
                deleteAll(old.getValue().files(), written.keySet());
            }
            if (gone) {
                removed++;
            }
        }
        new GeneratorState(next).write(stateFile);
        return new Result(changed.size(), written.size(), next.size() - changed.size(), removed);
    }

    private GeneratorState readState() throws IOException {
        try {
            return GeneratorState.read(stateFile);
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    "cannot read the plugin's state file " + stateFile + ": " + e
                            + "; delete it (or run mvn clean) to generate every spec again",
                    e);
        }
    }

    /**
     * Compiles one spec; a folder that is not a Java package and any exception are errors naming the
     * spec file.
     */
    private SpecOutcome compile(Path spec, String relative, String packageName) {
        if (fixedPackage == null && PackageFolders.problem(packageName) != null) {
            String folder = relative.substring(0, relative.lastIndexOf('/'));
            return failure(
                    spec,
                    "its folder " + folder + " is not a Java package: " + PackageFolders.problem(packageName)
                            + "; rename the folder (e.g. to " + PackageFolders.suggestion(folder)
                            + ") or set the plugin's packageName (lamina.packageName)");
        }
        try {
            return compiler.compile(spec, packageName);
        } catch (IOException | RuntimeException e) {
            return failure(spec, "cannot generate sources: " + e);
        } catch (StackOverflowError e) {
            return failure(spec, "cannot generate sources: " + e + " (the spec nests too deeply)");
        }
    }

    private static SpecOutcome failure(Path spec, String reason) {
        return new SpecOutcome(spec + ": error: " + reason + "\n", 1, List.of());
    }

    /** The first line of the outcome's diagnostics that reports an error. */
    private static String firstError(SpecOutcome outcome) {
        return outcome.renderedDiagnostics()
                .lines()
                .filter(line -> line.contains(": error: "))
                .findFirst()
                .orElse(outcome.renderedDiagnostics().strip());
    }

    private List<Path> specs() throws IOException {
        if (!Files.isDirectory(sourceDirectory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sourceDirectory)) {
            return walk.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(".lamina"))
                    .sorted()
                    .toList();
        }
    }

    /** The fixed package, or the spec's folder below the source folder with dots. */
    private String packageOf(String relative) {
        if (fixedPackage != null) {
            return fixedPackage;
        }
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash).replace('/', '.');
    }

    private String fingerprint(Path spec, String packageName) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(spec));
            sha.update(("\n" + packageName + "\n" + generatorVersion + "\n" + backend.optionName())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private boolean allExist(List<String> files) {
        return files.stream().allMatch(f -> Files.isRegularFile(outputDirectory.resolve(f)));
    }

    private static List<String> paths(List<GeneratedSource> sources) {
        return sources.stream().map(GeneratedSource::relativePath).toList();
    }

    private static void checkNoCollisions(Map<String, GeneratorState.Entry> entries) throws SpecErrorsException {
        Map<String, String> owner = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        entries.forEach((spec, entry) -> {
            for (String file : entry.files()) {
                String other = owner.putIfAbsent(file, spec);
                if (other != null) {
                    clashes.add(file + " (from " + other + " and " + spec + ")");
                }
            }
        });
        if (!clashes.isEmpty()) {
            throw new SpecErrorsException("lamina: two specs generate the same class: " + String.join(", ", clashes)
                    + "; rename a model or move a spec to another package folder");
        }
    }

    /** Deletes the generated {@code files} that were not just written again. */
    private void deleteAll(List<String> files, Set<Path> written) throws IOException {
        for (String f : files) {
            Path file = outputDirectory.resolve(f);
            if (!written.contains(file)) {
                Files.deleteIfExists(file);
            }
        }
    }
}
