/**
 * Sample apps that use model classes generated from {@code samples/models} by the Maven plugin.
 */
package dev.lamina.samples;
