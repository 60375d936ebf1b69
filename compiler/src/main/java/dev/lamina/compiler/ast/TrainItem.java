package dev.lamina.compiler.ast;

import java.util.List;

/**
 * One setting of a training section: {@code loss mse} or {@code optimizer adam(learning_rate=0.01)};
 * {@code settingSpan} covers the setting's name.
 */
public record TrainItem(String key, String setting, Span settingSpan, List<Argument> arguments, Span span)
        implements Node {
    public TrainItem {
        arguments = List.copyOf(arguments);
    }
}
