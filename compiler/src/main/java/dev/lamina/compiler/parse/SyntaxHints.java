package dev.lamina.compiler.parse;

/** Rewords ANTLR's syntax messages for people who never saw a grammar and adds a hint. */
final class SyntaxHints {
    private SyntaxHints() {}

    static String describe(String antlrMessage) {
        return antlrMessage
                .replace("'<EOF>'", "end of file")
                .replace("<EOF>", "end of file")
                .replace("extraneous input", "unexpected")
                .replace("mismatched input", "unexpected")
                .replace("no viable alternative at input", "cannot read")
                .replace("IDENT", "a name")
                .replace("INT_TYPE", "'int'")
                .replace("FLOAT_TYPE", "'float'")
                .replace("FLOAT", "a number")
                .replace("INT", "an integer")
                .replace("NONE", "None");
    }

    static String hintFor(String antlrMessage) {
        if (antlrMessage.contains("expecting 'input'")) {
            return "a model starts with its input shape, e.g. `input [128, 1]`";
        }
        if (antlrMessage.contains("expecting {')', ','}") || antlrMessage.contains("missing ')'")) {
            return "close the argument list with `)`";
        }
        if (antlrMessage.contains("missing '}'") || antlrMessage.contains("<EOF>")) {
            return "check that every `{` of a model or train section has its `}`";
        }
        return "a model reads `model Name { input [steps, channels]  layer(args)...  train { loss ...; optimizer ... } }`";
    }
}
