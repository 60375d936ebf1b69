package dev.lamina.cli;

import java.util.Map;

/** Keras class names of the layer types, as {@code model.summary()} shows them. */
final class KerasTypes {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("conv1d", "Conv1D"),
            Map.entry("dense", "Dense"),
            Map.entry("max_pooling1d", "MaxPooling1D"),
            Map.entry("average_pooling1d", "AveragePooling1D"),
            Map.entry("global_max_pooling1d", "GlobalMaxPooling1D"),
            Map.entry("global_average_pooling1d", "GlobalAveragePooling1D"),
            Map.entry("flatten", "Flatten"),
            Map.entry("dropout", "Dropout"),
            Map.entry("activation", "Activation"),
            Map.entry("embedding", "Embedding"),
            Map.entry("repeat_vector", "RepeatVector"),
            Map.entry("reshape", "Reshape"),
            Map.entry("add", "Add"),
            Map.entry("subtract", "Subtract"),
            Map.entry("multiply", "Multiply"),
            Map.entry("average", "Average"),
            Map.entry("maximum", "Maximum"),
            Map.entry("minimum", "Minimum"),
            Map.entry("concatenate", "Concatenate"),
            Map.entry("batch_normalization", "BatchNormalization"),
            Map.entry("layer_normalization", "LayerNormalization"),
            Map.entry("zero_padding1d", "ZeroPadding1D"),
            Map.entry("cropping1d", "Cropping1D"),
            Map.entry("up_sampling1d", "UpSampling1D"),
            Map.entry("permute", "Permute"),
            Map.entry("spatial_dropout1d", "SpatialDropout1D"));

    private KerasTypes() {}

    static String className(String type) {
        return CLASSES.getOrDefault(type, type);
    }
}
