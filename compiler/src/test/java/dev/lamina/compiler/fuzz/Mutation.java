package dev.lamina.compiler.fuzz;

/**
 * One edit of a spec. Its numbers pick the token or byte, the choice and the extent by modulo, so
 * any numbers make a valid edit, and smaller numbers make simpler ones (which is what a shrinking
 * property-based test needs).
 *
 * @param kind what the edit does
 * @param at which byte or token it changes
 * @param choice which replacement, word, seed or kind of bracket
 * @param extent how much: the bit flipped, the nesting depth, the spliced slice
 */
record Mutation(Kind kind, int at, int choice, int extent) {
    /** The kinds of edit. */
    enum Kind {
        /** Flips one bit of one byte, which may leave the text not UTF-8. */
        FLIP_BYTE,
        /** Removes a token (not white space). */
        DELETE_TOKEN,
        /** Repeats a token after itself. */
        DUPLICATE_TOKEN,
        /** Exchanges two tokens. */
        SWAP_TOKENS,
        /** Replaces a number (or any token when there is none) by a boundary value of the profile. */
        BOUNDARY_NUMBER,
        /** Wraps a token in brackets: balanced {@code [..]}, opening {@code [} only, or {@code (..)}. */
        NEST,
        /** Inserts a slice of tokens of a seed spec (possibly the same one) before a token. */
        SPLICE,
        /** Inserts a word of the language (keyword, layer, option, punctuation, odd bytes) before a token. */
        INSERT_WORD,
        /** Replaces a name (layer, option, value, keyword) by another name of the language. */
        REPLACE_NAME,
        /** Removes a line (a layer, a setting, a brace...). */
        DELETE_LINE,
        /** Repeats a line after itself. */
        DUPLICATE_LINE
    }
}
