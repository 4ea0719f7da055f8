//! The canonical text form: single spaces around binary operators, double-quoted texts, and
//! parentheses exactly where the precedence rules need them, so `parse(&e.to_string()) == e`.

use std::fmt::{self, Display, Formatter, Write};

use super::ast::{Expr, ExprKind, UnaryOp};

fn write_text(f: &mut Formatter<'_>, text: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in text.chars() {
        if c == '"' || c == '\\' {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char('"')
}

/// Writes `expr`, in parentheses when `parens` is set.
fn write_operand(f: &mut Formatter<'_>, expr: &Expr, parens: bool) -> fmt::Result {
    if parens {
        write!(f, "({expr})")
    } else {
        write!(f, "{expr}")
    }
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ExprKind::Null => f.write_str("null"),
            ExprKind::Bool(b) => write!(f, "{b}"),
            // Rust prints the shortest decimal form that reads back to the same f64, never with
            // an exponent.
            ExprKind::Number(n) => write!(f, "{n}"),
            ExprKind::Text(text) => write_text(f, text),
            ExprKind::Date(d) => write!(f, "date(\"{}\")", d.format("%Y-%m-%d")),
            ExprKind::List(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write_text(f, item)?;
                }
                f.write_char(']')
            }
            ExprKind::Ident(name) => f.write_str(name),
            ExprKind::Unary { op, operand } => {
                f.write_str(op.symbol())?;
                if *op == UnaryOp::Not {
                    f.write_char(' ')?;
                }
                // The operand of a prefix operator is parsed at the operator's own level.
                write_operand(f, operand, operand.precedence() < op.precedence())
            }
            ExprKind::Binary { op, left, right } => {
                let p = op.precedence();
                let left_parens =
                    left.precedence() < p || (op.is_non_associative() && left.precedence() == p);
                // Everything is left-associative or non-associative: an equal level on the right
                // needs parentheses.
                let right_parens = right.precedence() <= p;
                write_operand(f, left, left_parens)?;
                write!(f, " {} ", op.symbol())?;
                write_operand(f, right, right_parens)
            }
            ExprKind::Call { func, args } => {
                write!(f, "{}(", func.name())?;
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_char(')')
            }
        }
    }
}
