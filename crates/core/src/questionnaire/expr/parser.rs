//! Recursive-descent parser, one function per precedence level.
//!
//! Two limits keep hostile input harmless: the parser's own recursion (parentheses, call
//! arguments, `not`, unary `-`) is limited to [`MAX_NESTING`] levels, and the height of the tree
//! it builds (long chains such as `a or b or c ...` grow the tree without recursing) to
//! [`MAX_HEIGHT`]. Evaluating, printing and dropping a parsed tree therefore never recurses deeply.

use chrono::NaiveDate;

use super::ast::{BinaryOp, Expr, ExprKind, Func, UnaryOp};
use super::lexer::{tokenize, Tok, Token};
use super::ParseError;

/// Nesting of parentheses, call arguments, lists and prefix operators.
pub const MAX_NESTING: usize = 64;
/// Height of the syntax tree.
pub const MAX_HEIGHT: usize = 256;

const TOO_DEEP: &str = "te diep genest";

/// An expression and the height of its tree.
type Parsed = Result<(Expr, usize), ParseError>;

pub(super) fn parse(source: &str) -> Result<Expr, ParseError> {
    let tokens = tokenize(source)?;
    let mut parser = Parser {
        tokens,
        index: 0,
        nesting: 0,
    };
    let (expr, _) = parser.expression()?;
    let token = parser.peek();
    if token.tok != Tok::Eof {
        return Err(error(
            token.pos,
            format!(
                "verwacht een operator of het einde van de expressie, maar vond {}",
                token.tok.describe()
            ),
        ));
    }
    Ok(expr)
}

fn error(position: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        position,
        message: message.into(),
    }
}

fn node(kind: ExprKind, position: usize, height: usize) -> Parsed {
    if height > MAX_HEIGHT {
        return Err(error(position, TOO_DEEP));
    }
    Ok((Expr::new(kind, position), height))
}

fn binary(
    op: BinaryOp,
    pos: usize,
    (left, lh): (Expr, usize),
    (right, rh): (Expr, usize),
) -> Parsed {
    node(
        ExprKind::Binary {
            op,
            left: Box::new(left),
            right: Box::new(right),
        },
        pos,
        1 + lh.max(rh),
    )
}

struct Parser {
    tokens: Vec<Token>,
    index: usize,
    nesting: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        // `tokenize` always ends with Eof and `advance` never moves past it.
        &self.tokens[self.index.min(self.tokens.len() - 1)]
    }

    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        if self.index + 1 < self.tokens.len() {
            self.index += 1;
        }
        token
    }

    fn enter(&mut self, position: usize) -> Result<(), ParseError> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(error(position, TOO_DEEP));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting -= 1;
    }

    fn expect(&mut self, tok: Tok) -> Result<Token, ParseError> {
        let token = self.peek();
        if token.tok == tok {
            return Ok(self.advance());
        }
        Err(error(
            token.pos,
            format!(
                "verwacht {}, maar vond {}",
                tok.describe(),
                token.tok.describe()
            ),
        ))
    }

    /// `or` level; the entry point for every nested expression.
    fn expression(&mut self) -> Parsed {
        self.enter(self.peek().pos)?;
        let result = self.or();
        self.leave();
        result
    }

    fn or(&mut self) -> Parsed {
        let mut left = self.and()?;
        while self.peek().tok == Tok::Or {
            let pos = self.advance().pos;
            let right = self.and()?;
            left = binary(BinaryOp::Or, pos, left, right)?;
        }
        Ok(left)
    }

    fn and(&mut self) -> Parsed {
        let mut left = self.not()?;
        while self.peek().tok == Tok::And {
            let pos = self.advance().pos;
            let right = self.not()?;
            left = binary(BinaryOp::And, pos, left, right)?;
        }
        Ok(left)
    }

    fn not(&mut self) -> Parsed {
        if self.peek().tok != Tok::Not {
            return self.comparison();
        }
        let pos = self.advance().pos;
        self.enter(pos)?;
        let operand = self.not();
        self.leave();
        let (operand, height) = operand?;
        node(
            ExprKind::Unary {
                op: UnaryOp::Not,
                operand: Box::new(operand),
            },
            pos,
            height + 1,
        )
    }

    fn comparison_op(tok: &Tok) -> Option<BinaryOp> {
        Some(match tok {
            Tok::EqEq => BinaryOp::Eq,
            Tok::Ne => BinaryOp::Ne,
            Tok::Lt => BinaryOp::Lt,
            Tok::Le => BinaryOp::Le,
            Tok::Gt => BinaryOp::Gt,
            Tok::Ge => BinaryOp::Ge,
            _ => return None,
        })
    }

    fn comparison(&mut self) -> Parsed {
        let left = self.membership()?;
        let Some(op) = Self::comparison_op(&self.peek().tok) else {
            return Ok(left);
        };
        let pos = self.advance().pos;
        let right = self.membership()?;
        let next = self.peek();
        if Self::comparison_op(&next.tok).is_some() {
            return Err(error(
                next.pos,
                "vergelijkingen kunnen niet aan elkaar worden geregen; gebruik 'and' of haakjes",
            ));
        }
        binary(op, pos, left, right)
    }

    fn membership(&mut self) -> Parsed {
        let left = self.additive()?;
        if self.peek().tok != Tok::In {
            return Ok(left);
        }
        let pos = self.advance().pos;
        let right = self.additive()?;
        let next = self.peek();
        if next.tok == Tok::In {
            return Err(error(
                next.pos,
                "'in' kan niet aan elkaar worden geregen; gebruik haakjes",
            ));
        }
        binary(BinaryOp::In, pos, left, right)
    }

    fn additive(&mut self) -> Parsed {
        let mut left = self.multiplicative()?;
        loop {
            let op = match self.peek().tok {
                Tok::Plus => BinaryOp::Add,
                Tok::Minus => BinaryOp::Sub,
                _ => return Ok(left),
            };
            let pos = self.advance().pos;
            let right = self.multiplicative()?;
            left = binary(op, pos, left, right)?;
        }
    }

    fn multiplicative(&mut self) -> Parsed {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek().tok {
                Tok::Star => BinaryOp::Mul,
                Tok::Slash => BinaryOp::Div,
                _ => return Ok(left),
            };
            let pos = self.advance().pos;
            let right = self.unary()?;
            left = binary(op, pos, left, right)?;
        }
    }

    fn unary(&mut self) -> Parsed {
        if self.peek().tok != Tok::Minus {
            return self.primary();
        }
        let pos = self.advance().pos;
        self.enter(pos)?;
        let operand = self.unary();
        self.leave();
        let (operand, height) = operand?;
        node(
            ExprKind::Unary {
                op: UnaryOp::Neg,
                operand: Box::new(operand),
            },
            pos,
            height + 1,
        )
    }

    fn primary(&mut self) -> Parsed {
        let token = self.advance();
        let pos = token.pos;
        let kind = match token.tok {
            Tok::Number(n) => ExprKind::Number(n),
            Tok::Text(text) => ExprKind::Text(text),
            Tok::True => ExprKind::Bool(true),
            Tok::False => ExprKind::Bool(false),
            Tok::Null => ExprKind::Null,
            Tok::LParen => {
                let inner = self.expression()?;
                self.expect(Tok::RParen)?;
                return Ok(inner);
            }
            Tok::LBracket => ExprKind::List(self.list_items()?),
            Tok::Ident(name) => {
                if self.peek().tok == Tok::LParen {
                    return self.call(&name, pos);
                }
                ExprKind::Ident(name)
            }
            Tok::Eof => return Err(error(pos, "verwacht een waarde")),
            other => {
                return Err(error(
                    pos,
                    format!("verwacht een waarde, maar vond {}", other.describe()),
                ))
            }
        };
        node(kind, pos, 1)
    }

    /// After `[`: quoted texts separated by commas, then `]`.
    fn list_items(&mut self) -> Result<Vec<String>, ParseError> {
        let mut items = Vec::new();
        if self.peek().tok == Tok::RBracket {
            self.advance();
            return Ok(items);
        }
        loop {
            let token = self.advance();
            match token.tok {
                Tok::Text(text) => items.push(text),
                Tok::Eof => return Err(error(token.pos, "verwacht een tekst of ']'")),
                _ => return Err(error(
                    token.pos,
                    "een lijst bevat alleen teksten tussen aanhalingstekens, zoals [\"a\", \"b\"]",
                )),
            }
            let token = self.advance();
            match token.tok {
                Tok::Comma => {}
                Tok::RBracket => return Ok(items),
                other => {
                    return Err(error(
                        token.pos,
                        format!("verwacht ',' of ']', maar vond {}", other.describe()),
                    ))
                }
            }
        }
    }

    /// A call of `name` at `pos`; the next token is `(`.
    fn call(&mut self, name: &str, pos: usize) -> Parsed {
        let is_date = name == "date";
        let func = Func::from_name(name);
        if func.is_none() && !is_date {
            return Err(error(pos, format!("onbekende functie '{name}'")));
        }
        self.expect(Tok::LParen)?;
        let mut args = Vec::new();
        let mut height = 0;
        if self.peek().tok != Tok::RParen {
            loop {
                let (arg, h) = self.expression()?;
                height = height.max(h);
                args.push(arg);
                if self.peek().tok == Tok::Comma {
                    self.advance();
                } else {
                    break;
                }
            }
        }
        self.expect(Tok::RParen)?;
        let arity = func.map_or(1, Func::arity);
        if args.len() != arity {
            return Err(error(
                pos,
                format!(
                    "functie '{name}' verwacht {}, maar kreeg er {}",
                    count_arguments(arity),
                    args.len()
                ),
            ));
        }
        match func {
            Some(func) => node(ExprKind::Call { func, args }, pos, height + 1),
            None => {
                let arg = &args[0];
                let date = match arg.kind() {
                    ExprKind::Text(text) => parse_date(text).ok_or_else(|| {
                        error(
                            arg.position(),
                            format!("ongeldige datum '{text}' (verwacht JJJJ-MM-DD, bijvoorbeeld \"2024-02-29\")"),
                        )
                    })?,
                    _ => {
                        return Err(error(
                            arg.position(),
                            "date() verwacht een vaste datum als tekst, bijvoorbeeld date(\"2024-02-29\")",
                        ))
                    }
                };
                node(ExprKind::Date(date), pos, 1)
            }
        }
    }
}

fn count_arguments(n: usize) -> String {
    match n {
        0 => "geen argumenten".to_string(),
        1 => "1 argument".to_string(),
        n => format!("{n} argumenten"),
    }
}

/// Exactly `JJJJ-MM-DD` with ASCII digits, and a date that exists.
pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    // All ASCII now, so byte slicing is safe.
    let year = text[0..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}
