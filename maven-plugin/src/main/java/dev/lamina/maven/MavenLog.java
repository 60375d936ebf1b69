package dev.lamina.maven;

import org.apache.maven.plugin.logging.Log;

/** {@link GeneratorLog} on Maven's log. */
final class MavenLog implements GeneratorLog {
    private final Log log;

    MavenLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }
}
