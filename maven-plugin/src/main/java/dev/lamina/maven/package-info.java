/**
 * The Maven plugin: {@code lamina:generate} and {@code lamina:generate-test} turn specs into
 * model classes during the build, incrementally, failing the build with positioned diagnostics.
 */
package dev.lamina.maven;
