package dev.lamina.maven;

import dev.lamina.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the last run generated: per spec (path relative to the source folder) the fingerprint of its
 * content, package, generator version and backend, and the files it produced. Stored as a properties file.
 */
final class GeneratorState {
    /** One spec's entry. */
    record Entry(String fingerprint, List<String> files) {}

    private final Map<String, Entry> entries;

    GeneratorState(Map<String, Entry> entries) {
        this.entries = new TreeMap<>(entries);
    }

    static GeneratorState read(Path file) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String spec : p.stringPropertyNames()) {
                String[] parts = p.getProperty(spec).split(";", 2);
                List<String> files =
                        parts.length < 2 || parts[1].isEmpty() ? List.of() : Arrays.asList(parts[1].split(","));
                entries.put(spec, new Entry(parts[0], files));
            }
        }
        return new GeneratorState(entries);
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /** Writes the state next to its final place and moves it there in one step. */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        entries.forEach((spec, e) -> p.setProperty(spec, e.fingerprint() + ";" + String.join(",", e.files())));
        StringWriter text = new StringWriter();
        p.store(text, "lamina-maven-plugin: generated sources per spec");
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
