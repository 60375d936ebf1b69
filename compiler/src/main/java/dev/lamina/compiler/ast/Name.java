package dev.lamina.compiler.ast;

/** A tensor name as written: a binding ({@code k3 = ...}), a reference ({@code k3 -> ...}) or an input's name. */
public record Name(String text, Span span) implements Node {}
