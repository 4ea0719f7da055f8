//! Turns source text into tokens. Works on chars, never on byte slices, so any input (non-ASCII,
//! emoji, control characters) is safe; positions are char offsets.

use super::ParseError;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Number(f64),
    Text(String),
    Ident(String),
    And,
    Or,
    Not,
    In,
    True,
    False,
    Null,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    EqEq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Eof,
}

impl Tok {
    /// How the token is named in an error message.
    pub(super) fn describe(&self) -> String {
        match self {
            Tok::Number(n) => format!("het getal {n}"),
            Tok::Text(_) => "een tekst".to_string(),
            Tok::Ident(name) => format!("'{name}'"),
            Tok::And => "'and'".to_string(),
            Tok::Or => "'or'".to_string(),
            Tok::Not => "'not'".to_string(),
            Tok::In => "'in'".to_string(),
            Tok::True => "'true'".to_string(),
            Tok::False => "'false'".to_string(),
            Tok::Null => "'null'".to_string(),
            Tok::LParen => "'('".to_string(),
            Tok::RParen => "')'".to_string(),
            Tok::LBracket => "'['".to_string(),
            Tok::RBracket => "']'".to_string(),
            Tok::Comma => "','".to_string(),
            Tok::Plus => "'+'".to_string(),
            Tok::Minus => "'-'".to_string(),
            Tok::Star => "'*'".to_string(),
            Tok::Slash => "'/'".to_string(),
            Tok::EqEq => "'=='".to_string(),
            Tok::Ne => "'!='".to_string(),
            Tok::Lt => "'<'".to_string(),
            Tok::Le => "'<='".to_string(),
            Tok::Gt => "'>'".to_string(),
            Tok::Ge => "'>='".to_string(),
            Tok::Eof => "het einde van de expressie".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub tok: Tok,
    /// Char offset of the token's first char.
    pub pos: usize,
}

fn error(position: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        position,
        message: message.into(),
    }
}

/// The whole token stream, always ending with [`Tok::Eof`] at the position just past the last
/// char.
pub(super) fn tokenize(source: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let tok = match c {
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            '[' => Tok::LBracket,
            ']' => Tok::RBracket,
            ',' => Tok::Comma,
            '+' => Tok::Plus,
            '-' => Tok::Minus,
            '*' => Tok::Star,
            '/' => Tok::Slash,
            '=' | '!' | '<' | '>' => {
                let next_is_eq = chars.get(i + 1) == Some(&'=');
                match (c, next_is_eq) {
                    ('=', true) => {
                        i += 1;
                        Tok::EqEq
                    }
                    ('!', true) => {
                        i += 1;
                        Tok::Ne
                    }
                    ('<', true) => {
                        i += 1;
                        Tok::Le
                    }
                    ('>', true) => {
                        i += 1;
                        Tok::Ge
                    }
                    ('<', false) => Tok::Lt,
                    ('>', false) => Tok::Gt,
                    ('=', false) => return Err(error(start, "gebruik '==' om te vergelijken")),
                    _ => return Err(error(start, "gebruik 'not' in plaats van '!'")),
                }
            }
            '&' => return Err(error(start, "gebruik 'and' in plaats van '&'")),
            '|' => return Err(error(start, "gebruik 'or' in plaats van '|'")),
            '"' | '\'' => {
                let (text, end) = lex_text(&chars, start)?;
                i = end;
                tokens.push(Token {
                    tok: Tok::Text(text),
                    pos: start,
                });
                continue;
            }
            c if c.is_ascii_digit() => {
                let (number, end) = lex_number(&chars, start)?;
                i = end;
                tokens.push(Token {
                    tok: Tok::Number(number),
                    pos: start,
                });
                continue;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut end = start;
                while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_')
                {
                    end += 1;
                }
                let word: String = chars[start..end].iter().collect();
                i = end;
                let tok = match word.as_str() {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "in" => Tok::In,
                    "true" => Tok::True,
                    "false" => Tok::False,
                    "null" => Tok::Null,
                    _ => Tok::Ident(word),
                };
                tokens.push(Token { tok, pos: start });
                continue;
            }
            other => return Err(error(start, format!("onverwacht teken '{other}'"))),
        };
        i += 1;
        tokens.push(Token { tok, pos: start });
    }
    tokens.push(Token {
        tok: Tok::Eof,
        pos: chars.len(),
    });
    Ok(tokens)
}

/// A quoted text starting at `start` (the quote); returns the text and the index after the
/// closing quote.
fn lex_text(chars: &[char], start: usize) -> Result<(String, usize), ParseError> {
    let quote = chars[start];
    let mut text = String::new();
    let mut i = start + 1;
    loop {
        match chars.get(i) {
            None => return Err(error(start, "tekst zonder afsluitend aanhalingsteken")),
            Some('\\') => match chars.get(i + 1) {
                Some(c @ ('"' | '\'' | '\\')) => {
                    text.push(*c);
                    i += 2;
                }
                Some(c) => {
                    return Err(error(
                        i,
                        format!("onbekende escape '\\{c}' in tekst (gebruik \\\", \\' of \\\\)"),
                    ))
                }
                None => return Err(error(start, "tekst zonder afsluitend aanhalingsteken")),
            },
            Some(&c) if c == quote => return Ok((text, i + 1)),
            Some(&c) => {
                text.push(c);
                i += 1;
            }
        }
    }
}

/// `[0-9]+(\.[0-9]+)?` starting at `start`; returns the value and the index after it.
fn lex_number(chars: &[char], start: usize) -> Result<(f64, usize), ParseError> {
    let mut i = start;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        if !chars.get(i).is_some_and(char::is_ascii_digit) {
            return Err(error(i, "verwacht een cijfer na de decimale punt"));
        }
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
    }
    if chars
        .get(i)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_')
    {
        return Err(error(i, "verwacht een spatie of operator na een getal"));
    }
    let digits: String = chars[start..i].iter().collect();
    match digits.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok((n, i)),
        _ => Err(error(start, "getal is te groot")),
    }
}
