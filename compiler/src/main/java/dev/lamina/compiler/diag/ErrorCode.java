package dev.lamina.compiler.diag;

/**
 * Every diagnostic the compiler reports, with a stable id ({@code LAM001}...) and a message
 * template ({@link String#format} placeholders). Ids never change meaning; new codes get new ids.
 */
public enum ErrorCode {
    SYNTAX("LAM001", Severity.ERROR, "syntax error: %s"),
    BAD_CHARACTER("LAM002", Severity.ERROR, "unexpected character '%s'"),
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
    DUPLICATE_NAME("LAM015", Severity.ERROR, "%s"),
    NON_POSITIVE("LAM016", Severity.ERROR, "%s must be at least 1, got %s"),
    OUT_OF_RANGE("LAM017", Severity.ERROR, "%s must be %s, got %s"),
    STRIDES_WITH_DILATION(
            "LAM018", Severity.ERROR, "%s: strides=%d and dilation_rate=%d cannot both be greater than 1"),
    OVERFLOW("LAM019", Severity.ERROR, "%s"),
    RANK("LAM020", Severity.ERROR, "%s"),
    TOO_SHORT("LAM021", Severity.ERROR, "%s"),
    UNKNOWN_DIMENSION("LAM022", Severity.ERROR, "%s"),
    RESHAPE_SIZE("LAM023", Severity.ERROR, "%s"),
    EMBEDDING_NEEDS_INT_INPUT("LAM024", Severity.ERROR, "%s"),
    INT_INPUT_NEEDS_EMBEDDING("LAM025", Severity.ERROR, "%s"),
    CROSSENTROPY_WITHOUT_SOFTMAX("LAM101", Severity.WARNING, "%s"),
    SOFTMAX_SINGLE_UNIT("LAM102", Severity.WARNING, "%s"),
    BINARY_CROSSENTROPY_WITHOUT_SIGMOID("LAM103", Severity.WARNING, "%s");

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
