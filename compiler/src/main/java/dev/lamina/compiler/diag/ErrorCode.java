package dev.lamina.compiler.diag;

/**
 * Every diagnostic the compiler reports, with a stable id ({@code LAM001}...) and a message
 * template ({@link String#format} placeholders). Ids never change meaning; new codes get new ids.
 */
public enum ErrorCode {
    SYNTAX("LAM001", Severity.ERROR, "syntax error: %s"),
    BAD_CHARACTER("LAM002", Severity.ERROR, "unexpected character '%s'"),
    NESTED_TOO_DEEPLY("LAM038", Severity.ERROR, "nested too deeply: more than %d brackets open at once"),
    UNREADABLE_FILE("LAM003", Severity.ERROR, "cannot read %s: %s"),
    UNKNOWN_LAYER("LAM004", Severity.ERROR, "unknown layer '%s'"),
    UNKNOWN_OPTION("LAM005", Severity.ERROR, "%s has no option '%s'"),
    UNKNOWN_VALUE("LAM006", Severity.ERROR, "unknown %s '%s'"),
    UNKNOWN_LOSS("LAM007", Severity.ERROR, "unknown loss '%s'"),
    UNKNOWN_OPTIMIZER("LAM008", Severity.ERROR, "unknown optimizer '%s'"),
    UNKNOWN_TRAIN_SETTING("LAM009", Severity.ERROR, "unknown training setting '%s'"),
    WRONG_TYPE("LAM010", Severity.ERROR, "%s expects %s, got %s"),
    MISSING_ARGUMENT("LAM011", Severity.ERROR, "%s is missing its required %s"),
    DUPLICATE_ARGUMENT("LAM012", Severity.ERROR, "%s is given more than once"),
    TOO_MANY_ARGUMENTS("LAM013", Severity.ERROR, "%s takes at most %d positional arguments, got %d"),
    POSITIONAL_AFTER_KEYWORD("LAM014", Severity.ERROR, "positional argument after a keyword argument in %s"),
    DUPLICATE_NAME("LAM015", Severity.ERROR, "%s name '%s' is already used %s"),
    NON_POSITIVE("LAM016", Severity.ERROR, "%s must be at least 1, got %s"),
    OUT_OF_RANGE("LAM017", Severity.ERROR, "%s must be %s, got %s"),
    STRIDES_WITH_DILATION(
            "LAM018", Severity.ERROR, "%s: strides=%d and dilation_rate=%d cannot both be greater than 1"),
    OVERFLOW("LAM019", Severity.ERROR, "%s is too large: %s"),
    RANK("LAM020", Severity.ERROR, "%s takes %s per example, got %s of rank %d (Keras: expected %s, found ndim=%d)"),
    TOO_SHORT(
            "LAM021",
            Severity.ERROR,
            "%s output would have %d steps: %s (the %s of %d steps is longer than the %d steps of its input %s)"),
    UNKNOWN_DIMENSION("LAM022", Severity.ERROR, "%s needs %s, but its input %s %s"),
    RESHAPE_SIZE("LAM023", Severity.ERROR, "reshape cannot turn %s (%s) into %s (%s)"),
    EMBEDDING_NEEDS_INT_INPUT("LAM024", Severity.ERROR, "embedding looks up integer token ids, but %s"),
    INT_INPUT_NEEDS_EMBEDDING(
            "LAM025", Severity.ERROR, "an int input holds token ids, which only an embedding layer can take first"),
    UNDEFINED_TENSOR("LAM026", Severity.ERROR, "'%s' names no input or tensor defined before line %d"),
    DUPLICATE_TENSOR("LAM027", Severity.ERROR, "the name '%s' is already bound at line %d"),
    MERGE_NEEDS_LIST("LAM028", Severity.ERROR, "%s merges a list of tensors, but %s"),
    MERGE_ARITY("LAM029", Severity.ERROR, "%s takes %s, got %d"),
    MERGE_SHAPES("LAM030", Severity.ERROR, "the inputs of %s do not fit together: %s"),
    SINGLE_INPUT_LAYER("LAM031", Severity.ERROR, "%s takes one tensor, got a list of %d"),
    WHICH_INPUT("LAM032", Severity.ERROR, "the model has %d inputs (%s), so this statement must name the one it reads"),
    CONCATENATE_AXIS("LAM033", Severity.ERROR, "concatenate cannot join on axis %d: %s"),
    UNNAMED_INPUTS("LAM034", Severity.ERROR, "a model with %d inputs must name each of them"),
    GENERATION_UNSUPPORTED("LAM035", Severity.ERROR, "no class can be generated: %s"),
    CLASS_NAME_CLASH("LAM036", Severity.ERROR, "model %s becomes class %s, like model %s (%s)"),
    CLASS_FILE_CLASH(
            "LAM037",
            Severity.ERROR,
            "model %s becomes class %s, whose file name differs only in case from that of model %s (%s): they"
                    + " collide on case-insensitive file systems"),
    CONFLICTING_OPTIONS("LAM039", Severity.ERROR, "%s takes %s or %s, not both"),
    CROSSENTROPY_WITHOUT_SOFTMAX(
            "LAM101", Severity.WARNING, "%s expects probabilities, but the output layer '%s' has activation %s"),
    SOFTMAX_SINGLE_UNIT("LAM102", Severity.WARNING, "softmax over a single unit always outputs 1.0 (%s outputs %s)"),
    BINARY_CROSSENTROPY_WITHOUT_SIGMOID(
            "LAM103",
            Severity.WARNING,
            "binary_crossentropy expects probabilities, but the output layer '%s' has activation %s"),
    UNUSED_VALUE("LAM104", Severity.WARNING, "%s is never used: it does not reach the model's output");

    private final String id;
    private final Severity severity;
    private final String template;

    ErrorCode(String id, Severity severity, String template) {
        this.id = id;
        this.severity = severity;
        this.template = template;
    }

    /** The stable id, e.g. {@code LAM020}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String template() {
        return template;
    }

    /** The message for these template arguments. */
    public String message(Object... args) {
        return String.format(java.util.Locale.ROOT, template, args);
    }
}
