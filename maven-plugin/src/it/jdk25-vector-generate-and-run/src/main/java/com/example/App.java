package com.example;

/** Trains the vector-backend Toy model from the notebook's start weights and prints the kernel. */
public final class App {
    public static void main(String[] args) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new AssertionError("the app runs without jdk.incubator.vector");
        }
        Toy model = new Toy(42);
        model.parameter("conv1d/kernel").set(new float[] {-0.72896165f, 0.5631139f});
        float[] x = {0, 3, 4, 5};
        float[] y = {6, 11, 14};
        float loss = 0;
        for (int step = 0; step < 200; step++) {
            loss = model.trainStep(x, y, 1);
        }
        float[] kernel = model.parameter("conv1d/kernel").value();
        System.out.printf(
                "Java %d, kernel after 200 steps: [%.2f, %.2f], loss %.3f%n",
                Runtime.version().feature(), kernel[0], kernel[1], loss);
        if (Math.abs(kernel[0] - 1) > 0.05 || Math.abs(kernel[1] - 2) > 0.05) {
            throw new AssertionError("the kernel did not converge to [1, 2]");
        }
    }
}
