package dev.lamina.cli;

/** "1 error", "2 errors". */
final class Plural {
    private Plural() {}

    static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
