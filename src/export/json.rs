//! JSON for programs: one array of objects with stable field names and stored codes (not labels),
//! written object by object.

use crate::domain::enterprise::Enterprise;
use crate::domain::time::{Day, Instant};
use serde::Serialize;
use std::io::Write;

/// One enterprise as exported. Field names are part of the interface: rename nothing.
#[derive(Serialize)]
pub struct EnterpriseRecord<'a> {
    pub uid: &'a str,
    pub uscc: &'a str,
    pub uscc_nonstandard_reason: Option<&'a str>,
    pub name: &'a str,
    pub legal_rep: &'a str,
    pub contact: &'a str,
    pub phone: &'a str,
    pub address: &'a str,
    pub region_code: &'a str,
    pub industry_code: &'a str,
    pub permit_no: &'a str,
    pub permit_class: &'a str,
    #[serde(with = "crate::domain::time::blank_day")]
    pub permit_expiry: Option<Day>,
    pub key_flags: Vec<&'a str>,
    pub hw_class: &'a str,
    pub credit: &'a str,
    pub perf_grade: &'a str,
    pub list_status: &'a str,
    pub status: &'a str,
    pub created_at: &'a Instant,
    pub updated_at: &'a Instant,
}

impl<'a> EnterpriseRecord<'a> {
    pub fn of(e: &'a Enterprise) -> EnterpriseRecord<'a> {
        EnterpriseRecord {
            uid: &e.uid,
            uscc: &e.uscc,
            uscc_nonstandard_reason: e.uscc_nonstandard_reason.as_deref(),
            name: &e.name,
            legal_rep: &e.legal_rep,
            contact: &e.contact,
            phone: &e.phone,
            address: &e.address,
            region_code: &e.region_code,
            industry_code: &e.industry_code,
            permit_no: &e.permit_no,
            permit_class: &e.permit_class,
            permit_expiry: e.permit_expiry,
            key_flags: e.key_flags.split(',').filter(|f| !f.is_empty()).collect(),
            hw_class: &e.hw_class,
            credit: &e.credit,
            perf_grade: &e.perf_grade,
            list_status: &e.list_status,
            status: &e.status,
            created_at: &e.created_at,
            updated_at: &e.updated_at,
        }
    }
}

pub struct JsonSink<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> JsonSink<W> {
    pub fn new(mut out: W) -> std::io::Result<JsonSink<W>> {
        out.write_all(b"[")?;
        Ok(JsonSink { out, first: true })
    }

    pub fn row(&mut self, e: &Enterprise) -> std::io::Result<()> {
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        serde_json::to_writer(&mut self.out, &EnterpriseRecord::of(e))?;
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.write_all(b"\n]\n")?;
        self.out.flush()
    }
}

/// Writes the bytes `serde_json::to_writer_pretty` writes for a whole slice, one element at a time.
pub struct PrettyArray<W: Write> {
    out: W,
    first: bool,
    buf: Vec<u8>,
}

impl<W: Write> PrettyArray<W> {
    pub fn new(mut out: W) -> std::io::Result<PrettyArray<W>> {
        out.write_all(b"[")?;
        Ok(PrettyArray {
            out,
            first: true,
            buf: Vec::new(),
        })
    }

    pub fn push<T: Serialize>(&mut self, value: &T) -> std::io::Result<()> {
        self.buf.clear();
        serde_json::to_writer_pretty(&mut self.buf, value)?;
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        // Inside the array each line is indented once more; JSON strings hold no raw newline.
        for (i, line) in self.buf.split(|b| *b == b'\n').enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"  ")?;
            self.out.write_all(line)?;
        }
        Ok(())
    }

    /// Closes the array and hands the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.write_all(if self.first { b"]" } else { b"\n]" })?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod pretty_tests {
    use super::*;

    #[test]
    fn a_streamed_array_is_the_pretty_array() {
        #[derive(Serialize)]
        struct R<'a> {
            a: &'a str,
            n: Vec<u32>,
        }
        for len in 0..3 {
            let all: Vec<R<'_>> = (0..len)
                .map(|i| R {
                    a: "x\ny",
                    n: vec![i, 2],
                })
                .collect();
            let mut streamed = PrettyArray::new(Vec::new()).unwrap();
            for r in &all {
                streamed.push(r).unwrap();
            }
            let streamed = streamed.finish().unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                serde_json::to_string_pretty(&all).unwrap()
            );
        }
    }
}
