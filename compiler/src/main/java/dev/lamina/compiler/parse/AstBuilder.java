package dev.lamina.compiler.parse;

import dev.lamina.compiler.ast.Argument;
import dev.lamina.compiler.ast.InputDecl;
import dev.lamina.compiler.ast.LaminaFile;
import dev.lamina.compiler.ast.LayerDecl;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.ast.Name;
import dev.lamina.compiler.ast.SourceDecl;
import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.ast.StatementDecl;
import dev.lamina.compiler.ast.TrainDecl;
import dev.lamina.compiler.ast.TrainItem;
import dev.lamina.compiler.ast.Value;
import dev.lamina.grammar.LaminaBaseVisitor;
import dev.lamina.grammar.LaminaParser;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns a parse tree into the syntax tree of {@code dev.lamina.compiler.ast}: every model of the
 * file that parsed without error (the others are left out).
 */
final class AstBuilder extends LaminaBaseVisitor<Value> {
    private final String fileName;

    AstBuilder(String fileName) {
        this.fileName = fileName;
    }

    LaminaFile file(LaminaParser.FileContext ctx, Predicate<LaminaParser.ModelContext> parsedWithoutError) {
        return new LaminaFile(
                ctx.model().stream().filter(parsedWithoutError).map(this::model).toList(), span(ctx));
    }

    private ModelDecl model(LaminaParser.ModelContext ctx) {
        Optional<TrainDecl> train = Optional.ofNullable(ctx.train()).map(this::train);
        return new ModelDecl(
                ctx.name.getText(),
                span(ctx.name),
                ctx.input().stream().map(this::input).toList(),
                ctx.statement().stream().map(this::statement).toList(),
                train,
                span(ctx));
    }

    private InputDecl input(LaminaParser.InputContext ctx) {
        boolean ids = ctx.dtype != null && ctx.dtype.getType() == LaminaParser.INT_TYPE;
        return new InputDecl(Optional.ofNullable(ctx.name).map(this::name), values(ctx.list()), ids, span(ctx));
    }

    private StatementDecl statement(LaminaParser.StatementContext ctx) {
        Optional<SourceDecl> source = Optional.ofNullable(ctx.source())
                .map(s -> s.ref != null
                        ? new SourceDecl(List.of(name(s.ref)), false, span(s))
                        : new SourceDecl(s.refs.stream().map(this::name).toList(), true, span(s)));
        return new StatementDecl(
                Optional.ofNullable(ctx.target).map(this::name),
                source,
                ctx.layer().stream().map(this::layer).toList(),
                span(ctx));
    }

    private Name name(Token token) {
        return new Name(token.getText(), span(token));
    }

    private LayerDecl layer(LaminaParser.LayerContext ctx) {
        return new LayerDecl(ctx.type.getText(), span(ctx.type), arguments(ctx.arguments()), span(ctx));
    }

    private TrainDecl train(LaminaParser.TrainContext ctx) {
        return new TrainDecl(ctx.trainItem().stream().map(this::trainItem).toList(), span(ctx));
    }

    private TrainItem trainItem(LaminaParser.TrainItemContext ctx) {
        return new TrainItem(
                ctx.key.getText(), ctx.setting.getText(), span(ctx.setting), arguments(ctx.arguments()), span(ctx));
    }

    private List<Argument> arguments(LaminaParser.ArgumentsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.argument().stream()
                .map(a -> new Argument(Optional.ofNullable(a.key).map(Token::getText), visit(a.value()), span(a)))
                .toList();
    }

    private List<Value> values(LaminaParser.ListContext ctx) {
        return ctx.value().stream().map(this::visit).toList();
    }

    @Override
    public Value visitIntValue(LaminaParser.IntValueContext ctx) {
        return new Value.IntValue(new BigInteger(ctx.getText()), span(ctx));
    }

    @Override
    public Value visitFloatValue(LaminaParser.FloatValueContext ctx) {
        return new Value.FloatValue(Double.parseDouble(ctx.getText()), span(ctx));
    }

    @Override
    public Value visitNoneValue(LaminaParser.NoneValueContext ctx) {
        return new Value.NoneValue(span(ctx));
    }

    @Override
    public Value visitNameValue(LaminaParser.NameValueContext ctx) {
        return new Value.NameValue(ctx.getText(), span(ctx));
    }

    /** A quoted name (Keras habit, {@code padding="same"}) is the bare name. */
    @Override
    public Value visitStringValue(LaminaParser.StringValueContext ctx) {
        String text = ctx.getText();
        return new Value.NameValue(text.substring(1, text.length() - 1), span(ctx));
    }

    @Override
    public Value visitListValue(LaminaParser.ListValueContext ctx) {
        return new Value.ListValue(values(ctx.list()), span(ctx));
    }

    private Span span(Token token) {
        return new Span(
                fileName,
                token.getLine(),
                token.getCharPositionInLine() + 1,
                token.getText().length());
    }

    /** From the first token to the last one, or to the end of the first line if it spans several. */
    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null ? start : ctx.getStop();
        int length = stop.getLine() == start.getLine()
                ? stop.getCharPositionInLine() + stop.getText().length() - start.getCharPositionInLine()
                : start.getText().length();
        return new Span(fileName, start.getLine(), start.getCharPositionInLine() + 1, Math.max(1, length));
    }
}
