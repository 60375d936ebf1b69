/**
 * ONNX export: {@link dev.lamina.onnx.OnnxExporter} writes a Lamina model with its weights as a
 * standard ONNX model (opset {@value dev.lamina.onnx.OnnxExporter#OPSET}), inputs named and laid
 * out like the spec's, that ONNX Runtime and other ONNX tools run. Every Lamina layer kind maps to
 * ONNX operators ({@code LayerOps}); the protobuf classes are ONNX's own schema as generated Java
 * ({@code ai.onnx.proto.OnnxMl}, from Tribuo's {@code tribuo-util-onnx}).
 */
package dev.lamina.onnx;
