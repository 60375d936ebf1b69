/*
 * The grammar of .lamina specs: one or more models, each its inputs, a list of statements that
 * apply Keras layers to tensors (a plain list of layers is a stack) and an optional training
 * section. Names and options follow Keras; see docs/language.md.
 *
 *   model ActivityCnn {
 *     input [511, 2]
 *     conv1d(100, 10, activation=relu)
 *     global_average_pooling1d
 *     dense(4, activation=softmax)
 *     train { loss categorical_crossentropy; optimizer adam(learning_rate=0.001) }
 *   }
 *
 *   model TextCnn {
 *     input tokens [50] int
 *     embedded = embedding(20000, 128)
 *     k3 = embedded -> conv1d(100, 3, activation=relu) -> global_max_pooling1d
 *     k4 = embedded -> conv1d(100, 4, activation=relu) -> global_max_pooling1d
 *     [k3, k4] -> concatenate
 *     dense(1, activation=sigmoid)
 *   }
 *
 * The grammar only fixes the structure: which layer, option or value names exist is checked by
 * the compiler, so an unknown name gets a precise diagnostic rather than a syntax error.
 */
grammar Lamina;



file        : model* EOF ;

model       : MODEL name=IDENT LBRACE input+ statement* train? RBRACE ;

// `input [511, 2]`, `input [None, 100]` (variable length), `input tokens [50] int` (named, token ids)
input       : INPUT name=IDENT? list dtype=(INT_TYPE | FLOAT_TYPE)? ;

// A chain of layers, optionally from named tensors and bound to a name: `dense(4)`,
// `k3 = embedded -> conv1d(100, 3) -> global_max_pooling1d`, `[a, b] -> add`. Without a source the
// chain reads the previous statement's value; the last statement's value is the model's output.
statement   : (target=IDENT ASSIGN)? source? layer (ARROW layer)* ;

// `embedded ->` (one tensor) or `[k3, k4, k5] ->` (a list, for merges)
source      : (ref=IDENT | LBRACK refs+=IDENT (COMMA refs+=IDENT)* COMMA? RBRACK) ARROW ;

// `global_average_pooling1d`, `dropout(0.5)`, `conv1d(100, 10, activation=relu, name=feature_conv)`
layer       : type=IDENT arguments? ;

arguments   : LPAREN (argument (COMMA argument)* COMMA?)? RPAREN ;

// positional (`100`) or by Keras name (`kernel_size=10`)
argument    : (key=IDENT ASSIGN)? value ;

value       : INT        # intValue
            | FLOAT      # floatValue
            | NONE       # noneValue
            | IDENT      # nameValue
            | STRING     # stringValue
            | list       # listValue
            ;

list        : LBRACK (value (COMMA value)* COMMA?)? RBRACK ;

// `train { loss categorical_crossentropy; optimizer adam(learning_rate=0.001) }`
train       : TRAIN LBRACE (trainItem SEMI*)* RBRACE ;

trainItem   : key=IDENT setting=IDENT arguments? ;

MODEL       : 'model' ;
INPUT       : 'input' ;
TRAIN       : 'train' ;
INT_TYPE    : 'int' ;
FLOAT_TYPE  : 'float' ;
NONE        : 'None' ;

LBRACE      : '{' ;
RBRACE      : '}' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACK      : '[' ;
RBRACK      : ']' ;
COMMA       : ',' ;
ASSIGN      : '=' ;
ARROW       : '->' ;
SEMI        : ';' ;

FLOAT       : '-'? DIGITS '.' DIGITS? EXPONENT?
            | '-'? '.' DIGITS EXPONENT?
            | '-'? DIGITS EXPONENT
            ;
INT         : '-'? DIGITS ;
IDENT       : [a-zA-Z_] [a-zA-Z0-9_]* ;
// Python habits welcome: padding="same" means padding=same.
STRING      : '"' ~["\r\n]* '"' | '\'' ~['\r\n]* '\'' ;

LINE_COMMENT : ('//' | '#') ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS          : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Any other character: kept (hidden) so the compiler reports it as a diagnostic.
BAD_CHAR    : . -> channel(HIDDEN) ;

fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
