//! Pretty JSON as `serde_json::to_vec_pretty` writes it (two spaces an indent), for a value
//! that stands some levels deep in a larger document: its lines are indented for that depth,
//! and each line's indentation is written in one go.

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// A `serde_json` formatter for pretty JSON starting `depth` levels deep.
pub(super) struct Indented {
    /// How many levels deep the next line is.
    depth: usize,
    /// Whether the array or object being written has a value yet (an empty one stays `[]`).
    has_value: bool,
    /// A line break and enough spaces for the deepest line so far.
    line: Vec<u8>,
}

impl Indented {
    /// A formatter for a value `depth` levels deep.
    pub(super) fn at(depth: usize) -> Self {
        Self {
            depth,
            has_value: false,
            line: b"\n".to_vec(),
        }
    }

    /// Ends the line and indents the next one for the current depth.
    fn new_line<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        let width = 1 + 2 * self.depth;
        if self.line.len() < width {
            self.line.resize(width, b' ');
        }
        writer.write_all(&self.line[..width])
    }

    /// Starts an array or object with its opening bracket, one level deeper.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// Ends an array or object: its closing bracket on a line of its own unless it is empty.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(bracket)
    }

    /// Starts a value of an array or a key of an object on a line of its own.
    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.new_line(writer)
    }
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn indented(value: &serde_json::Value, depth: usize) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, Indented::at(depth));
        serde::Serialize::serialize(value, &mut serializer).expect("writes to memory");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    #[test]
    fn at_the_top_it_writes_what_serde_json_writes() {
        let value = json!({"a": [1, {"b": [], "c": {}}, [[2]]], "d": "x\ny", "e": null});
        let expected = serde_json::to_string_pretty(&value).expect("serialises");
        assert_eq!(indented(&value, 0), expected);
    }

    #[test]
    fn deeper_down_every_line_after_the_first_is_indented_further() {
        let value = json!({"a": [1, 2], "b": {}});
        let top = serde_json::to_string_pretty(&value).expect("serialises");
        let nested = top.replace('\n', "\n    ");
        assert_eq!(indented(&value, 2), nested);
        assert_eq!(indented(&json!([]), 3), "[]");
    }
}
