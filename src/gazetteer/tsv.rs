//! The tab-separated reader behind every gazetteer file, and its errors.

use std::fmt;

/// A gazetteer file could not be read: what was wrong and where.
///
/// Its `Display` reads `FILE:LINE: problem`, e.g.
/// `places.tsv:12: column lat: "3x.5" is not a number`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError {
    file: String,
    line: Option<usize>,
    kind: GazetteerErrorKind,
}

/// What was wrong in a gazetteer file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GazetteerErrorKind {
    /// The file could not be read.
    Io(String),
    /// The file is not UTF-8; `byte` is the offset of the first bad byte.
    InvalidUtf8 {
        /// Offset of the first invalid byte in the file.
        byte: usize,
    },
    /// The file name does not say what it holds (places, actors or people).
    UnknownFile,
    /// The header lacks a required column.
    MissingColumn(&'static str),
    /// A row has the wrong number of fields.
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A required field is empty.
    EmptyField(&'static str),
    /// An alias list holds an empty alias (`a||b`, a leading or trailing `|`).
    EmptyAlias(&'static str),
    /// A field that must be a number is not, or is out of range.
    BadNumber {
        /// The column.
        column: &'static str,
        /// The value found.
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A kind that is not one of the known kinds.
    UnknownKind(String),
    /// An id defined twice in one file.
    DuplicateId {
        /// The id.
        id: String,
        /// The line that defined it first.
        first_line: usize,
    },
    /// A parent, or an affiliation, names an id that does not exist.
    UnknownReference {
        /// The column.
        column: &'static str,
        /// The id named.
        id: String,
    },
}

impl GazetteerError {
    pub(crate) fn new(file: &str, line: Option<usize>, kind: GazetteerErrorKind) -> GazetteerError {
        GazetteerError { file: file.to_string(), line, kind }
    }

    /// The file (its name, or the path it was read from).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line, when the problem is on one line.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What was wrong.
    pub fn kind(&self) -> &GazetteerErrorKind {
        &self.kind
    }
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: ", self.file, line)?,
            None => write!(f, "{}: ", self.file)?,
        }
        use GazetteerErrorKind::*;
        match &self.kind {
            Io(e) => write!(f, "cannot read: {e}"),
            InvalidUtf8 { byte } => write!(f, "invalid UTF-8 at byte {byte}"),
            UnknownFile => {
                write!(f, "the file name must start with places, actors or people (and end in .tsv)")
            }
            MissingColumn(c) => write!(f, "the header lacks the column {c}"),
            FieldCount { expected, found } => {
                write!(f, "expected {expected} tab-separated fields, found {found}")
            }
            EmptyField(c) => write!(f, "column {c} is empty"),
            EmptyAlias(c) => write!(f, "column {c} holds an empty alias (check for || or a stray |)"),
            BadNumber { column, value, expected } => {
                write!(f, "column {column}: {value:?} is not {expected}")
            }
            UnknownKind(k) => write!(f, "unknown kind {k:?}"),
            DuplicateId { id, first_line } => {
                write!(f, "duplicate id {id:?} (first defined on line {first_line})")
            }
            UnknownReference { column, id } => write!(f, "column {column} names unknown id {id:?}"),
        }
    }
}

impl std::error::Error for GazetteerError {}

/// A parsed table: named columns, rows with their line numbers.
pub(crate) struct Table<'a> {
    pub file: &'a str,
    columns: Vec<&'a str>,
    pub rows: Vec<Row<'a>>,
}

pub(crate) struct Row<'a> {
    pub line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Table<'a> {
    /// Parses `content`; `required` columns must be in the header. Lines that
    /// are empty or start with `#` are skipped.
    pub fn parse(
        file: &'a str,
        content: &'a str,
        required: &[&'static str],
    ) -> Result<Table<'a>, GazetteerError> {
        let mut lines = content
            .split('\n')
            .enumerate()
            .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((_, header)) = lines.next() else {
            return Err(GazetteerError::new(file, None, GazetteerErrorKind::MissingColumn(required[0])));
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        for c in required {
            if !columns.contains(c) {
                return Err(GazetteerError::new(file, Some(1), GazetteerErrorKind::MissingColumn(c)));
            }
        }
        let mut rows = Vec::new();
        for (line, l) in lines {
            let fields: Vec<&str> = l.split('\t').map(str::trim).collect();
            if fields.len() != columns.len() {
                return Err(GazetteerError::new(
                    file,
                    Some(line),
                    GazetteerErrorKind::FieldCount { expected: columns.len(), found: fields.len() },
                ));
            }
            rows.push(Row { line, fields });
        }
        Ok(Table { file, columns, rows })
    }

    fn index(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == column)
    }

    /// The field of `row` in `column` ("" when the column is absent).
    pub fn get(&self, row: &Row<'a>, column: &str) -> &'a str {
        self.index(column).map_or("", |i| row.fields[i])
    }

    /// A field that must not be empty.
    pub fn required(&self, row: &Row<'a>, column: &'static str) -> Result<&'a str, GazetteerError> {
        let v = self.get(row, column);
        if v.is_empty() {
            return Err(self.error(row, GazetteerErrorKind::EmptyField(column)));
        }
        Ok(v)
    }

    /// A `|`-separated list; empty field = empty list, an empty item is an error.
    pub fn list(&self, row: &Row<'a>, column: &'static str) -> Result<Vec<String>, GazetteerError> {
        let v = self.get(row, column);
        if v.is_empty() {
            return Ok(Vec::new());
        }
        v.split('|')
            .map(|a| {
                let a = a.trim();
                if a.is_empty() {
                    Err(self.error(row, GazetteerErrorKind::EmptyAlias(column)))
                } else {
                    Ok(a.to_string())
                }
            })
            .collect()
    }

    /// A number within `range`.
    pub fn number(
        &self,
        row: &Row<'a>,
        column: &'static str,
        range: std::ops::RangeInclusive<f64>,
        expected: &'static str,
    ) -> Result<f64, GazetteerError> {
        let v = self.required(row, column)?;
        match v.parse::<f64>() {
            Ok(x) if x.is_finite() && range.contains(&x) => Ok(x),
            _ => {
                Err(self.error(row, GazetteerErrorKind::BadNumber { column, value: v.to_string(), expected }))
            }
        }
    }

    pub fn error(&self, row: &Row<'a>, kind: GazetteerErrorKind) -> GazetteerError {
        GazetteerError::new(self.file, Some(row.line), kind)
    }
}

/// Decodes a file's bytes, or says where the first invalid byte is.
pub(crate) fn decode(file: &str, bytes: Vec<u8>) -> Result<String, GazetteerError> {
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..byte].iter().filter(|b| **b == b'\n').count() + 1;
        GazetteerError::new(file, Some(line), GazetteerErrorKind::InvalidUtf8 { byte })
    })
}
