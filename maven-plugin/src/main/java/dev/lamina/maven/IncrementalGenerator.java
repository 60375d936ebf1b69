package dev.lamina.maven;

import dev.lamina.compiler.codegen.Backend;
import dev.lamina.runtime.io.AtomicFiles;
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

    Result run() throws IOException, SpecErrorsException {
        GeneratorState previous = GeneratorState.read(stateFile);
        Map<String, GeneratorState.Entry> next = new TreeMap<>();
        Map<String, SpecOutcome> changed = new LinkedHashMap<>();
        int errors = 0;
        int failedSpecs = 0;
        for (Path spec : specs()) {
            String relative = sourceDirectory.relativize(spec).toString().replace('\\', '/');
            String packageName = packageOf(relative);
            String fingerprint = fingerprint(spec, packageName);
            GeneratorState.Entry old = previous.entries().get(relative);
            if (old != null && old.fingerprint().equals(fingerprint) && allExist(old.files())) {
                next.put(relative, old);
                continue;
            }
            SpecOutcome outcome = compiler.compile(spec, packageName);
            if (outcome.errors() > 0) {
                errors += outcome.errors();
                failedSpecs++;
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
                    + failedSpecs + " spec file(s); no sources were generated");
        }
        checkNoCollisions(next);
        int removed = 0;
        for (Map.Entry<String, GeneratorState.Entry> old : previous.entries().entrySet()) {
            if (!next.containsKey(old.getKey())) {
                deleteAll(old.getValue().files());
                removed++;
            } else if (changed.containsKey(old.getKey())) {
                deleteAll(old.getValue().files());
            }
        }
        int files = 0;
        for (SpecOutcome outcome : changed.values()) {
            for (GeneratedSource source : outcome.sources()) {
                AtomicFiles.write(
                        outputDirectory.resolve(source.relativePath()),
                        source.content().getBytes(StandardCharsets.UTF_8));
                files++;
            }
        }
        new GeneratorState(next).write(stateFile);
        return new Result(changed.size(), files, next.size() - changed.size(), removed);
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

    private void deleteAll(List<String> files) throws IOException {
        for (String f : files) {
            Files.deleteIfExists(outputDirectory.resolve(f));
        }
    }
}
