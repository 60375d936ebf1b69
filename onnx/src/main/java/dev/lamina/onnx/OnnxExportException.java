package dev.lamina.onnx;

/** A model Lamina cannot export to ONNX, with the reason. */
public final class OnnxExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public OnnxExportException(String message) {
        super(message);
    }
}
