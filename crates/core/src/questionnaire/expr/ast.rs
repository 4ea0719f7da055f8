//! The syntax tree. Every node carries the char offset of the token that made it (the operator of
//! a binary or unary node, the name of a function call, the first char of a literal), so
//! evaluation errors can point into the source.

use chrono::NaiveDate;

/// A parsed expression: one node of the syntax tree plus its position in the source.
///
/// Equality (`==`) compares the structure only and **ignores positions**, so
/// `parse("a+b") == parse("a  +  b")`; this is what the print/parse round-trip relies on.
#[derive(Debug, Clone)]
pub struct Expr {
    kind: ExprKind,
    position: usize,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

impl Expr {
    /// Builds a node by hand (tests, generated expressions). The parser guarantees a bounded depth;
    /// trees built by hand are trusted to be reasonable.
    pub fn new(kind: ExprKind, position: usize) -> Self {
        Self { kind, position }
    }

    pub fn kind(&self) -> &ExprKind {
        &self.kind
    }

    /// 0-based char offset into the source.
    pub fn position(&self) -> usize {
        self.position
    }
}

/// The node types.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Null,
    Bool(bool),
    /// Always finite and non-negative when parsed (`-1` is `Neg(1)`).
    Number(f64),
    Text(String),
    /// `date("2024-02-29")`, checked when parsed.
    Date(NaiveDate),
    /// `["a", "b"]`: list literals hold texts only.
    List(Vec<String>),
    /// The answer to another question, or `value`.
    Ident(String),
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// A function call with the right number of arguments (checked when parsed). `date(...)` is
    /// never a call: it becomes [`ExprKind::Date`].
    Call {
        func: Func,
        args: Vec<Expr>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `not x`
    Not,
    /// `-x`
    Neg,
}

impl UnaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Not => "not",
            UnaryOp::Neg => "-",
        }
    }

    /// Binding strength, see [`BinaryOp::precedence`].
    pub fn precedence(self) -> u8 {
        match self {
            UnaryOp::Not => 3,
            UnaryOp::Neg => 8,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinaryOp {
    pub const ALL: [BinaryOp; 13] = [
        BinaryOp::Or,
        BinaryOp::And,
        BinaryOp::Eq,
        BinaryOp::Ne,
        BinaryOp::Lt,
        BinaryOp::Le,
        BinaryOp::Gt,
        BinaryOp::Ge,
        BinaryOp::In,
        BinaryOp::Add,
        BinaryOp::Sub,
        BinaryOp::Mul,
        BinaryOp::Div,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Or => "or",
            BinaryOp::And => "and",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::In => "in",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
        }
    }

    /// Binding strength, lowest first: `or` 1, `and` 2, `not` 3, comparisons 4, `in` 5,
    /// `+ -` 6, `* /` 7, unary `-` 8, atoms 9.
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge => 4,
            BinaryOp::In => 5,
            BinaryOp::Add | BinaryOp::Sub => 6,
            BinaryOp::Mul | BinaryOp::Div => 7,
        }
    }

    /// Comparisons and `in` do not chain: `a < b < c` is a parse error.
    pub fn is_non_associative(self) -> bool {
        matches!(self.precedence(), 4 | 5)
    }
}

/// The built-in functions. `date(...)` is not here: it is a literal (see [`ExprKind::Date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Answered,
    Today,
    Age,
    Years,
    Days,
    Count,
    Len,
    If,
    Min,
    Max,
}

impl Func {
    pub const ALL: [Func; 10] = [
        Func::Answered,
        Func::Today,
        Func::Age,
        Func::Years,
        Func::Days,
        Func::Count,
        Func::Len,
        Func::If,
        Func::Min,
        Func::Max,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Func::Answered => "answered",
            Func::Today => "today",
            Func::Age => "age",
            Func::Years => "years",
            Func::Days => "days",
            Func::Count => "count",
            Func::Len => "len",
            Func::If => "if",
            Func::Min => "min",
            Func::Max => "max",
        }
    }

    /// Case-sensitive.
    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn arity(self) -> usize {
        match self {
            Func::Today => 0,
            Func::Answered | Func::Age | Func::Count | Func::Len => 1,
            Func::Years | Func::Days | Func::Min | Func::Max => 2,
            Func::If => 3,
        }
    }
}

impl Expr {
    /// Binding strength of this node as printed (atoms and calls bind tightest).
    pub(super) fn precedence(&self) -> u8 {
        match &self.kind {
            ExprKind::Unary { op, .. } => op.precedence(),
            ExprKind::Binary { op, .. } => op.precedence(),
            _ => 9,
        }
    }

    /// Pre-order, left to right: identifiers come out in source order.
    pub(super) fn visit_identifiers<'a>(&'a self, out: &mut Vec<(&'a str, usize)>) {
        match &self.kind {
            ExprKind::Null
            | ExprKind::Bool(_)
            | ExprKind::Number(_)
            | ExprKind::Text(_)
            | ExprKind::Date(_)
            | ExprKind::List(_) => {}
            ExprKind::Ident(name) => out.push((name, self.position)),
            ExprKind::Unary { operand, .. } => operand.visit_identifiers(out),
            ExprKind::Binary { left, right, .. } => {
                left.visit_identifiers(out);
                right.visit_identifiers(out);
            }
            ExprKind::Call { args, .. } => {
                for arg in args {
                    arg.visit_identifiers(out);
                }
            }
        }
    }
}
