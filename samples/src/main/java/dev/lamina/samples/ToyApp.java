package dev.lamina.samples;

import java.util.Locale;

/**
 * The seed notebook's toy: a conv1d with one filter of kernel size 2 learns [1, 2] from the input
 * [0, 3, 4, 5] and the target [6, 11, 14], with Adam(0.05) on the mean absolute error, starting from
 * the notebook's weights. Prints the kernel and loss every 20 epochs, like the notebook.
 */
public final class ToyApp {
    /** The notebook's initial kernel. */
    static final float[] START = {-0.72896165f, 0.5631139f};

    private ToyApp() {}

    public static void main(String[] args) {
        float[] kernel = train(200, true);
        System.out.printf(
                Locale.ROOT, "learned kernel: [%.2f, %.2f] (the notebook's filter is [1, 2])%n", kernel[0], kernel[1]);
    }

    /** Trains for {@code epochs} full-batch steps and returns the kernel. */
    static float[] train(int epochs, boolean print) {
        Toy model = new Toy(0);
        model.parameter("conv1d/kernel").set(START);
        float[] x = {0, 3, 4, 5};
        float[] y = {6, 11, 14};
        for (int epoch = 1; epoch <= epochs; epoch++) {
            float loss = model.trainStep(x, y, 1);
            if (print && epoch % 20 == 0) {
                float[] k = model.parameter("conv1d/kernel").value();
                System.out.printf(Locale.ROOT, "epoch %3d: kernel [%.4f, %.4f], loss %.4f%n", epoch, k[0], k[1], loss);
            }
        }
        return model.parameter("conv1d/kernel").value().clone();
    }
}
