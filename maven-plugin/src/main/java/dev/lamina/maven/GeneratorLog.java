package dev.lamina.maven;

/** Where the generator reports, so it runs with or without Maven. */
interface GeneratorLog {
    void info(String message);

    void error(String message);
}
