//! Evaluation. Never panics: no unwraps on user data, checked date arithmetic, and number results
//! that are not finite (overflow) become an error instead of `inf`/`NaN`.

use chrono::{Datelike, Days, NaiveDate};

use super::ast::{BinaryOp, Expr, ExprKind, Func, UnaryOp};
use super::{Context, EvalError, Value};

type Eval = Result<Value, EvalError>;

fn error(position: usize, message: impl Into<String>) -> EvalError {
    EvalError {
        position,
        message: message.into(),
    }
}

/// Truthiness for `and`, `or`, `not` and `if`: a missing answer counts as false.
fn truth(value: &Value, what: &str, position: usize) -> Result<bool, EvalError> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::Null => Ok(false),
        other => Err(error(
            position,
            format!("{what} verwacht ja/nee, maar kreeg {}", other.type_name()),
        )),
    }
}

fn number(n: f64, position: usize) -> Eval {
    if n.is_finite() {
        Ok(Value::Number(n))
    } else {
        Err(error(
            position,
            "de uitkomst is geen geldig getal (te groot)",
        ))
    }
}

/// Whole years from `from` to `to`: someone born on 29 February turns a year older on 1 March in
/// years without 29 February.
pub(super) fn whole_years(from: NaiveDate, to: NaiveDate) -> f64 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    f64::from(years)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> f64 {
    // Within chrono's date range this is at most a few hundred million days: exact in f64.
    to.signed_duration_since(from).num_days() as f64
}

fn shift_date(date: NaiveDate, days: f64, op: &str, position: usize) -> Eval {
    if !days.is_finite() || days.fract() != 0.0 {
        return Err(error(
            position,
            format!("'{op}' verwacht een geheel aantal dagen bij een datum"),
        ));
    }
    // Saturating cast; anything beyond the date range fails below.
    let magnitude = Days::new(days.abs() as u64);
    let shifted = if days >= 0.0 {
        date.checked_add_days(magnitude)
    } else {
        date.checked_sub_days(magnitude)
    };
    shifted
        .map(Value::Date)
        .ok_or_else(|| error(position, "de datum valt buiten het geldige bereik"))
}

impl Expr {
    pub(super) fn evaluate(&self, ctx: &dyn Context) -> Eval {
        let pos = self.position();
        match self.kind() {
            ExprKind::Null => Ok(Value::Null),
            ExprKind::Bool(b) => Ok(Value::Bool(*b)),
            ExprKind::Number(n) => Ok(Value::Number(*n)),
            ExprKind::Text(t) => Ok(Value::Text(t.clone())),
            ExprKind::Date(d) => Ok(Value::Date(*d)),
            ExprKind::List(items) => Ok(Value::List(items.clone())),
            ExprKind::Ident(name) => Ok(ctx.lookup(name)),
            ExprKind::Unary { op, operand } => {
                let value = operand.evaluate(ctx)?;
                match op {
                    UnaryOp::Not => Ok(Value::Bool(!truth(&value, "'not'", pos)?)),
                    UnaryOp::Neg => match value {
                        Value::Null => Ok(Value::Null),
                        Value::Number(n) => number(-n, pos),
                        other => Err(error(
                            pos,
                            format!("'-' werkt niet op {}", other.type_name()),
                        )),
                    },
                }
            }
            ExprKind::Binary { op, left, right } => match op {
                BinaryOp::Or => {
                    if truth(&left.evaluate(ctx)?, "'or'", pos)? {
                        return Ok(Value::Bool(true));
                    }
                    Ok(Value::Bool(truth(&right.evaluate(ctx)?, "'or'", pos)?))
                }
                BinaryOp::And => {
                    if !truth(&left.evaluate(ctx)?, "'and'", pos)? {
                        return Ok(Value::Bool(false));
                    }
                    Ok(Value::Bool(truth(&right.evaluate(ctx)?, "'and'", pos)?))
                }
                _ => {
                    let l = left.evaluate(ctx)?;
                    let r = right.evaluate(ctx)?;
                    binary(*op, l, r, pos)
                }
            },
            ExprKind::Call { func, args } => self.call(*func, args, ctx),
        }
    }

    fn call(&self, func: Func, args: &[Expr], ctx: &dyn Context) -> Eval {
        let pos = self.position();
        let name = func.name();
        // The parser checked the arity; a hand-built tree with too few arguments gets an error.
        let arg = |i: usize| -> Eval {
            match args.get(i) {
                Some(a) => a.evaluate(ctx),
                None => Err(error(pos, format!("functie '{name}' mist een argument"))),
            }
        };
        let type_error = |expected: &str, got: &Value| {
            error(
                pos,
                format!(
                    "'{name}' verwacht {expected}, maar kreeg {}",
                    got.type_name()
                ),
            )
        };
        match func {
            Func::Answered => Ok(Value::Bool(arg(0)?.is_answered())),
            Func::Today => Ok(Value::Date(ctx.today())),
            Func::Age => match arg(0)? {
                Value::Null => Ok(Value::Null),
                Value::Date(d) => Ok(Value::Number(whole_years(d, ctx.today()))),
                other => Err(type_error("een datum", &other)),
            },
            Func::Years | Func::Days => match (arg(0)?, arg(1)?) {
                (Value::Null, _) | (_, Value::Null) => Ok(Value::Null),
                (Value::Date(a), Value::Date(b)) => Ok(Value::Number(if func == Func::Years {
                    whole_years(a, b)
                } else {
                    days_between(a, b)
                })),
                (Value::Date(_), other) | (other, _) => Err(type_error("twee datums", &other)),
            },
            Func::Count => match arg(0)? {
                Value::Null => Ok(Value::Number(0.0)),
                Value::List(items) => Ok(Value::Number(items.len() as f64)),
                other => Err(type_error("een lijst", &other)),
            },
            Func::Len => match arg(0)? {
                Value::Null => Ok(Value::Number(0.0)),
                Value::Text(text) => Ok(Value::Number(text.chars().count() as f64)),
                other => Err(type_error("een tekst", &other)),
            },
            Func::If => {
                if truth(&arg(0)?, "'if'", pos)? {
                    arg(1)
                } else {
                    arg(2)
                }
            }
            Func::Min | Func::Max => match (arg(0)?, arg(1)?) {
                (Value::Null, _) | (_, Value::Null) => Ok(Value::Null),
                (Value::Number(a), Value::Number(b)) => Ok(Value::Number(if func == Func::Min {
                    a.min(b)
                } else {
                    a.max(b)
                })),
                (Value::Number(_), other) | (other, _) => Err(type_error("getallen", &other)),
            },
        }
    }
}

fn binary(op: BinaryOp, l: Value, r: Value, pos: usize) -> Eval {
    let symbol = op.symbol();
    match op {
        BinaryOp::Eq => Ok(Value::Bool(l == r)),
        BinaryOp::Ne => Ok(Value::Bool(l != r)),
        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
            let ordering = match (&l, &r) {
                (Value::Null, _) | (_, Value::Null) => return Ok(Value::Bool(false)),
                (Value::Number(a), Value::Number(b)) => a.partial_cmp(b),
                (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
                (Value::Text(a), Value::Text(b)) => Some(a.cmp(b)),
                _ => {
                    return Err(error(
                        pos,
                        format!(
                            "'{symbol}' kan {} niet vergelijken met {}",
                            l.type_name(),
                            r.type_name()
                        ),
                    ))
                }
            };
            // NaN (only possible from a context) compares as false.
            let Some(ordering) = ordering else {
                return Ok(Value::Bool(false));
            };
            Ok(Value::Bool(match op {
                BinaryOp::Lt => ordering.is_lt(),
                BinaryOp::Le => ordering.is_le(),
                BinaryOp::Gt => ordering.is_gt(),
                _ => ordering.is_ge(),
            }))
        }
        BinaryOp::In => match (&l, &r) {
            (Value::Null, _) | (_, Value::Null) => Ok(Value::Bool(false)),
            (Value::Text(t), Value::List(items)) => Ok(Value::Bool(items.contains(t))),
            _ => Err(error(
                pos,
                format!(
                    "'in' verwacht een tekst links en een lijst rechts, maar kreeg {} en {}",
                    l.type_name(),
                    r.type_name()
                ),
            )),
        },
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => arithmetic(op, l, r, pos),
        // Short-circuiting operators are handled by the caller.
        BinaryOp::And | BinaryOp::Or => Ok(Value::Bool(
            truth(&l, symbol, pos)? && truth(&r, symbol, pos)?,
        )),
    }
}

fn arithmetic(op: BinaryOp, l: Value, r: Value, pos: usize) -> Eval {
    let symbol = op.symbol();
    match (op, &l, &r) {
        (_, Value::Null, _) | (_, _, Value::Null) => Ok(Value::Null),
        (BinaryOp::Add, Value::Number(a), Value::Number(b)) => number(a + b, pos),
        (BinaryOp::Sub, Value::Number(a), Value::Number(b)) => number(a - b, pos),
        (BinaryOp::Mul, Value::Number(a), Value::Number(b)) => number(a * b, pos),
        (BinaryOp::Div, Value::Number(_), Value::Number(b)) if *b == 0.0 => {
            Err(error(pos, "deling door nul"))
        }
        (BinaryOp::Div, Value::Number(a), Value::Number(b)) => number(a / b, pos),
        (BinaryOp::Add, Value::Date(d), Value::Number(n)) => shift_date(*d, *n, symbol, pos),
        (BinaryOp::Sub, Value::Date(d), Value::Number(n)) => shift_date(*d, -*n, symbol, pos),
        (BinaryOp::Sub, Value::Date(a), Value::Date(b)) => Ok(Value::Number(days_between(*b, *a))),
        _ => Err(error(
            pos,
            format!(
                "'{symbol}' werkt niet op {} en {}",
                l.type_name(),
                r.type_name()
            ),
        )),
    }
}
