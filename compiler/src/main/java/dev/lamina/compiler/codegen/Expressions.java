package dev.lamina.compiler.codegen;

/** Builds readable integer index expressions with constants folded at generation time. */
final class Expressions {
    private Expressions() {}

    /** {@code var * factor}, written as {@code var} when the factor is 1 and {@code 0} when it is 0. */
    static String times(String var, int factor) {
        if (factor == 0 || var.equals("0")) {
            return "0";
        }
        return factor == 1 ? var : var + " * " + factor;
    }

    /** {@code expr * factor}, parenthesizing a sum or difference: {@code (t - 1 + k) * 9}. */
    static String scaled(String expr, int factor) {
        boolean compound = expr.contains(" + ") || expr.contains(" - ");
        return times(compound && factor != 1 ? "(" + expr + ")" : expr, factor);
    }

    /** {@code expr + constant} with the sign folded in; {@code expr} alone for 0. */
    static String plus(String expr, int constant) {
        if (expr.equals("0")) {
            return Integer.toString(constant);
        }
        if (constant == 0) {
            return expr;
        }
        return constant > 0 ? expr + " + " + constant : expr + " - " + (-constant);
    }

    /** The sum of terms, skipping zero terms; {@code 0} when every term is zero. */
    static String sum(String... terms) {
        StringBuilder out = new StringBuilder();
        for (String term : terms) {
            if (term.equals("0")) {
                continue;
            }
            if (out.length() > 0) {
                out.append(" + ");
            }
            out.append(term);
        }
        return out.length() == 0 ? "0" : out.toString();
    }

    /** {@code array[index]} with a folded index. */
    static String at(String array, String base, int offset) {
        return array + "[" + plus(base, offset) + "]";
    }
}
