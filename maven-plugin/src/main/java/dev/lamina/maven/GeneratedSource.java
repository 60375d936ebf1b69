package dev.lamina.maven;

/** One generated Java file: its path below the output folder ({@code com/acme/Net.java}) and text. */
record GeneratedSource(String relativePath, String content) {}
