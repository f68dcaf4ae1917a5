//! Reading a CSV file into rows with typed accessors that record, per line and column, what is
//! wrong with a cell, so an import can report every bad row at once.

use std::collections::HashMap;

use lotline_domain::ApiError;
use lotline_domain::error::{FieldError, Violations};

use super::Entity;

/// More errors than this are not read by anyone; the count says how many more there were.
const MAX_REPORTED: usize = 500;

/// Where each of an entity's columns is in the file (files may order or omit them).
pub(super) struct Columns {
    names: &'static [&'static str],
    positions: Vec<Option<usize>>,
}

impl Columns {
    /// Whether the file has the column at all (an optional column may be left out).
    pub fn has(&self, column: &str) -> bool {
        self.position(column).is_some()
    }

    fn position(&self, column: &str) -> Option<usize> {
        self.names.iter().position(|name| *name == column).and_then(|i| self.positions[i])
    }
}

/// A file's data rows with the columns found in its header.
pub(super) struct Table {
    pub columns: Columns,
    pub records: Vec<csv::StringRecord>,
}

impl Table {
    /// The file line on which record `index` starts: a quoted cell may span several lines,
    /// so this is not the record's index plus the header.
    pub fn line(&self, index: usize) -> u64 {
        self.records[index].position().map_or(index as u64 + 2, csv::Position::line)
    }
}

/// One data row; its accessors trim cells and record bad values against the row's line.
pub(super) struct Row<'a> {
    pub line: u64,
    cells: &'a csv::StringRecord,
    columns: &'a Columns,
    pub errors: &'a mut Vec<FieldError>,
}

impl<'a> Row<'a> {
    pub fn new(line: u64, cells: &'a csv::StringRecord, columns: &'a Columns, errors: &'a mut Vec<FieldError>) -> Self {
        Row { line, cells, columns, errors }
    }

    /// The trimmed cell, or "" when the column is absent. The quote our exports put before a
    /// cell a spreadsheet would run as a formula is taken off, so an export imports back as is.
    pub fn cell(&self, column: &str) -> &'a str {
        let raw = self.columns.position(column).and_then(|i| self.cells.get(i)).unwrap_or("").trim();
        lotline_domain::csv_cell::restore(raw).trim()
    }

    pub fn text(&self, column: &str) -> String {
        self.cell(column).to_owned()
    }

    pub fn optional(&self, column: &str) -> Option<String> {
        Some(self.cell(column)).filter(|t| !t.is_empty()).map(str::to_owned)
    }

    pub fn fail(&mut self, column: &str, key: &str, value: &str) {
        self.errors.push(FieldError::new(column, key).at_row(self.line).with("value", value));
    }

    pub fn int(&mut self, column: &str) -> i64 {
        let text = self.cell(column);
        match text.parse() {
            Ok(n) => n,
            Err(_) => {
                self.fail(
                    column,
                    if text.is_empty() { "error.field.required" } else { "error.field.not_a_number" },
                    text,
                );
                0
            }
        }
    }

    /// Yes/no in the words our users type: English, Dutch, or 1/0.
    pub fn flag(&mut self, column: &str) -> bool {
        const YES: [&str; 6] = ["true", "yes", "y", "1", "ja", "j"];
        const NO: [&str; 6] = ["false", "no", "n", "0", "nee", ""];
        let text = self.cell(column);
        if YES.iter().any(|w| w.eq_ignore_ascii_case(text)) {
            true
        } else if NO.iter().any(|w| w.eq_ignore_ascii_case(text)) {
            false
        } else {
            self.fail(column, "error.field.not_a_flag", text);
            false
        }
    }

    pub fn choice<T: serde::de::DeserializeOwned>(&mut self, column: &str) -> Option<T> {
        let text = self.cell(column);
        let parsed = serde_json::from_value(serde_json::Value::String(text.to_ascii_lowercase()));
        match parsed {
            Ok(value) => Some(value),
            Err(_) => {
                self.fail(
                    column,
                    if text.is_empty() { "error.field.required" } else { "error.field.not_a_choice" },
                    text,
                );
                None
            }
        }
    }

    /// A sales channel code, or none when the cell is empty (or the column absent): the
    /// record's channel is then "unspecified". Another value is refused with the codes allowed.
    pub fn channel(&mut self, column: &str) -> Option<lotline_domain::sales_channel::SalesChannel> {
        use lotline_domain::sales_channel::SalesChannel;
        let text = self.cell(column);
        if text.is_empty() {
            return None;
        }
        let channel = SalesChannel::parse(text);
        if channel.is_none() {
            self.fail(column, "error.field.not_a_channel", text);
            if let Some(e) = self.errors.last_mut() {
                e.params.insert("allowed".into(), SalesChannel::allowed());
            }
        }
        channel
    }

    /// Moves the record's own violations onto this row.
    pub fn absorb(&mut self, violations: Violations) {
        let line = self.line;
        self.errors.extend(violations.0.into_iter().map(|e| e.at_row(line)));
    }
}

pub(super) fn read_csv(entity: Entity, text: &str) -> Result<Table, ApiError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|err| {
        ApiError::field(FieldError::new("csv", "error.import.unreadable").at_row(1).with("reason", err))
    })?;
    let index: HashMap<String, usize> =
        headers.iter().enumerate().map(|(i, h)| (h.trim().to_ascii_lowercase(), i)).collect();
    let names = entity.columns();
    let missing: Vec<FieldError> = names
        .iter()
        .filter(|c| !index.contains_key(**c) && !entity.optional().contains(c))
        .map(|c| FieldError::new(*c, "error.import.missing_column").at_row(1))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::invalid_fields(missing));
    }
    let columns = Columns { names, positions: names.iter().map(|c| index.get(*c).copied()).collect() };
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| {
            let line = err.position().map_or(0, csv::Position::line);
            ApiError::field(FieldError::new("csv", "error.import.unreadable").at_row(line).with("reason", err))
        })?;
        records.push(record);
    }
    if records.is_empty() {
        return Err(ApiError::field(FieldError::new("csv", "error.import.no_rows")));
    }
    Ok(Table { columns, records })
}

/// Reports every key that appears again after its first line.
pub(super) fn duplicates<'a>(keys: impl Iterator<Item = (u64, &'a str)>, column: &str, errors: &mut Vec<FieldError>) {
    let mut seen: HashMap<&str, u64> = HashMap::new();
    for (line, key) in keys {
        if let Some(first) = seen.get(key) {
            errors.push(
                FieldError::new(column, "error.import.duplicate")
                    .at_row(line)
                    .with("value", key)
                    .with("first_line", first),
            );
        } else {
            seen.insert(key, line);
        }
    }
}

/// Nothing, or every error (sorted by line, at most [`MAX_REPORTED`]) as one refusal.
pub(super) fn finish(mut errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        return Ok(());
    }
    let total = errors.len();
    errors.sort_by_key(|e| e.row);
    errors.truncate(MAX_REPORTED);
    Err(ApiError::invalid_fields(errors).with("count", total).with("shown", total.min(MAX_REPORTED)))
}
