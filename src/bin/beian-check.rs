//! `beian-check` — checks ICP filings in bulk, natively (no WebAssembly).
//!
//! Reads JSON Lines (one record per line) from a file or stdin and writes one
//! result line per record to stdout, in the same JSON shape as the JS API.
//! A record is a whole `FilingForm` (checked like `checkForm`), or
//! `{"kind": "mobile", "value": "…"}` for one field (like `checkField`).
//! Exit code 0 when no record has an error, 1 when any has, 2 for a usage or
//! I/O problem. A progress bar goes to stderr, only when stderr is a terminal.
//!
//! Hand-rolled argument parsing and progress bar: the binary adds no
//! dependency to the crate, and the library (and so the wasm) is unchanged.
#![forbid(unsafe_code)]

use beian_check::date::Date;
use beian_check::json::{self, write_str, Json};
use beian_check::options::Options;
use beian_check::output;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::time::{Duration, Instant};

const USAGE: &str = "\
Usage: beian-check [OPTIONS] [FILE]

Checks ICP filing (ICP备案) records given as JSON Lines, one per line, from
FILE or stdin (FILE '-' is stdin). Writes one JSON result line per record:
  {\"line\":1,\"ok\":false,\"findings\":[{\"path\":\"subject.principal.mobile\",…}]}
A record is a FilingForm object (checked like checkForm), or
{\"kind\":\"mobile\",\"value\":\"13800138000\"} for a single field (like checkField).

Options:
  --locale L         message language: zh-CN (default), zh-TW, en
  --today YYYY-MM-DD the date ages and expiry are judged on (default: today, UTC)
  --province P       filing province: 京, 北京, 北京市 or 11
  --subject-type T   personal, enterprise, government, institution, social_org, other
  --profile FILE     a provider profile (JSON, usually {\"extends\":\"generic\",…})
  --options JSON     any CheckOptions as a JSON object (flags above override it)
  --progress         always draw the progress bar on stderr
  --no-progress      never draw it (default: only when stderr is a terminal)
  -h, --help         this text
  -V, --version      the version

Lines end with LF, CRLF or a lone CR. A line longer than 4 MiB is not read:
its result is an error record. Every record gets exactly one result line.
A record's own \"options\" (a field record's or a form's) apply to it, a
\"profile\" among them too; an option that cannot be used is an error record.

Exit status: 0 no record has an error, 1 some record has an error (or is not
valid JSON), 2 usage or I/O error.";

#[derive(Clone, Copy, PartialEq)]
enum Progress {
    Auto,
    Always,
    Never,
}

struct Config {
    input: Option<String>,
    options: Options,
    progress: Progress,
}

fn main() {
    std::process::exit(match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("beian-check: {message}");
            2
        }
    });
}

/// Parses the command line. `Ok(None)` means help or version was printed.
fn parse_args(args: &[String]) -> Result<Option<Config>, String> {
    let mut input = None;
    let mut progress = Progress::Auto;
    let mut base: Vec<(String, Json)> = Vec::new();
    let mut flags: Vec<(String, Json)> = Vec::new();
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        // `--name=value` and `--name value` are both accepted.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            let v = args
                .get(i)
                .cloned()
                .ok_or_else(|| format!("{name} needs {what}"))?;
            i += 1;
            Ok(v)
        };
        match name {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("beian-check {}", beian_check::VERSION);
                return Ok(None);
            }
            "--progress" => progress = Progress::Always,
            "--no-progress" => progress = Progress::Never,
            "--locale" => flags.push(("locale".into(), Json::Str(value("a locale")?))),
            "--today" => flags.push(("today".into(), Json::Str(value("a date")?))),
            "--province" => flags.push(("province".into(), Json::Str(value("a province")?))),
            "--subject-type" => {
                flags.push(("subjectType".into(), Json::Str(value("a subject type")?)))
            }
            "--profile" => {
                let path = value("a profile JSON file")?;
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read profile {path}: {e}"))?;
                let profile =
                    json::parse(&text).map_err(|e| format!("profile {path} is not JSON: {e}"))?;
                flags.push(("profile".into(), profile));
            }
            "--options" => {
                let text = value("a JSON object")?;
                match json::parse(&text) {
                    Ok(Json::Obj(entries)) => base = entries,
                    Ok(other) => {
                        return Err(format!(
                            "--options must be a JSON object, not {}",
                            other.type_name()
                        ))
                    }
                    Err(e) => return Err(format!("--options is not valid JSON: {e}")),
                }
            }
            "-" => input = Some("-".to_string()),
            s if s.starts_with('-') => {
                return Err(format!("unknown option {s} (see --help)"));
            }
            _ => {
                if input.is_some() {
                    return Err("only one input file can be given".into());
                }
                input = Some(arg.clone());
            }
        }
    }
    base.extend(flags);
    let options = Options::from_json(&Json::Obj(base), Date::today())?;
    Ok(Some(Config {
        input,
        options,
        progress,
    }))
}

fn run() -> Result<i32, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(config) = parse_args(&args)? else {
        return Ok(0);
    };
    let (reader, total): (Box<dyn Read>, Option<u64>) = match config.input.as_deref() {
        None | Some("-") => (Box::new(io::stdin().lock()), None),
        Some(path) => {
            let file = File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
            let len = file.metadata().ok().map(|m| m.len());
            (Box::new(file), len)
        }
    };
    let draw = match config.progress {
        Progress::Always => true,
        Progress::Never => false,
        Progress::Auto => io::stderr().is_terminal(),
    };
    let mut bar = Bar::new(draw, total);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut input = Lines::new(BufReader::with_capacity(1 << 16, reader));
    let mut line_no: u64 = 0;
    let mut failed: u64 = 0;
    let mut records: u64 = 0;
    let mut result = String::with_capacity(1024);
    while let Some((n, whole)) = input
        .next()
        .map_err(|e| format!("cannot read input: {e}"))?
    {
        line_no += 1;
        let text = trim_line(&input.buf, line_no == 1);
        if whole && text.iter().all(u8::is_ascii_whitespace) {
            bar.tick(n, false);
            continue;
        }
        result.clear();
        let ok = if whole {
            check_record(line_no, text, &config.options, &mut result)
        } else {
            result.push_str(&format!("{{\"line\":{line_no},"));
            record_error(
                &mut result,
                &format!("the line is longer than {MAX_LINE} bytes ({n} bytes): not checked"),
            )
        };
        result.push('\n');
        records += 1;
        if !ok {
            failed += 1;
        }
        if let Err(e) = out.write_all(result.as_bytes()) {
            return write_failed(e);
        }
        bar.tick(n, true);
    }
    if let Err(e) = out.flush() {
        return write_failed(e);
    }
    bar.finish(records, failed);
    Ok(if failed > 0 { 1 } else { 0 })
}

/// A closed pipe (`| head`) ends the run quietly; other write errors are reported.
fn write_failed(e: io::Error) -> Result<i32, String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(2)
    } else {
        Err(format!("cannot write output: {e}"))
    }
}

/// Longest line read (bytes); a longer one is skipped to its end and gets
/// an error record, so a runaway line costs no more memory than this
/// (a 300 MB line took 296 MB). docs/limits.md.
const MAX_LINE: usize = 4 << 20;

/// Lines of the input, ended by LF, CRLF or a lone CR (old Mac files:
/// before, two CR-separated records were read as one).
struct Lines<R> {
    input: R,
    /// The current line, without its ending (at most [`MAX_LINE`] bytes).
    buf: Vec<u8>,
    /// The last line ended with CR: an LF right after it belongs to it.
    after_cr: bool,
}

impl<R: BufRead> Lines<R> {
    fn new(input: R) -> Self {
        Lines {
            input,
            buf: Vec::new(),
            after_cr: false,
        }
    }

    /// The next line into `buf`: (bytes consumed, whether it fit in
    /// [`MAX_LINE`]); `None` at the end of the input.
    fn next(&mut self) -> io::Result<Option<(u64, bool)>> {
        self.buf.clear();
        let (mut consumed, mut length, mut any) = (0u64, 0usize, false);
        loop {
            let chunk = self.input.fill_buf()?;
            if chunk.is_empty() {
                return Ok(any.then_some((consumed, length <= MAX_LINE)));
            }
            let mut skip = 0;
            if self.after_cr && chunk.first() == Some(&b'\n') {
                skip = 1;
            }
            self.after_cr = false;
            let rest = chunk.get(skip..).unwrap_or(&[]);
            let end = rest.iter().position(|b| *b == b'\n' || *b == b'\r');
            let take = end.unwrap_or(rest.len());
            let part = rest.get(..take).unwrap_or(&[]);
            if length + part.len() <= MAX_LINE {
                self.buf.extend_from_slice(part);
            }
            length += part.len();
            any |= take > 0 || end.is_some();
            let used = skip + take + usize::from(end.is_some());
            if let Some(e) = end {
                self.after_cr = rest.get(e) == Some(&b'\r');
            }
            self.input.consume(used);
            consumed += used as u64;
            if end.is_some() {
                return Ok(Some((consumed, length <= MAX_LINE)));
            }
        }
    }
}

/// Drops, on the first line, a UTF-8 byte order mark.
fn trim_line(buf: &[u8], first: bool) -> &[u8] {
    if first {
        return buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    }
    buf
}

/// Checks one record into `out` (a JSON object, no newline); true when it has no error.
fn check_record(line_no: u64, bytes: &[u8], opts: &Options, out: &mut String) -> bool {
    out.push_str(&format!("{{\"line\":{line_no},"));
    let parsed = std::str::from_utf8(bytes)
        .map_err(|_| "the line is not valid UTF-8".to_string())
        .and_then(|text| json::parse(text).map_err(|e| format!("not valid JSON: {e}")));
    let record = match parsed {
        Ok(Json::Obj(entries)) => Json::Obj(entries),
        Ok(other) => {
            return record_error(
                out,
                &format!("a record must be a JSON object, not {}", other.type_name()),
            )
        }
        Err(e) => return record_error(out, &e),
    };
    let field = (
        record.get("kind").and_then(Json::as_str),
        record.get("value"),
    );
    let local;
    let opts = match record.get("options") {
        None | Some(Json::Null) => opts,
        Some(extra) => match merged(opts, extra) {
            Ok(o) => {
                local = o;
                &local
            }
            Err(e) => return record_error(out, &format!("options: {e}")),
        },
    };
    match field {
        (Some(kind), Some(value)) => check_field_record(kind, value, opts, out),
        _ => check_form_record(&record, opts, out),
    }
}

/// `{"kind": …, "value": …, "options"?: {…}}` → the checkField result.
fn check_field_record(kind: &str, value: &Json, opts: &Options, out: &mut String) -> bool {
    let text = match value {
        Json::Str(s) => s.clone(),
        Json::Num(n) => {
            let mut s = String::new();
            json::write_num(&mut s, *n);
            s
        }
        Json::Null => String::new(),
        other => {
            return record_error(
                out,
                &format!("value must be a string, not {}", other.type_name()),
            )
        }
    };
    match beian_check::check_field(kind, &text, opts) {
        Ok(r) => {
            // field_result_json is `{"ok":…}`: splice it after `"line":N,`.
            let body = output::field_result_json(&r, opts.locale);
            out.push_str(body.strip_prefix('{').unwrap_or(&body));
            r.ok()
        }
        Err(e) => record_error(out, &e),
    }
}

/// Per-record options over the command-line ones.
fn merged(opts: &Options, extra: &Json) -> Result<Options, String> {
    let Json::Obj(entries) = extra else {
        return Err(format!(
            "options must be an object, not {}",
            extra.type_name()
        ));
    };
    let mut base = vec![
        ("locale".to_string(), Json::Str(opts.locale.tag().into())),
        ("today".to_string(), Json::Str(opts.today.to_string())),
    ];
    if let Some(p) = opts.province {
        base.push(("province".into(), Json::Str(p.code.to_string())));
    }
    if let Some(t) = opts.subject_type {
        base.push(("subjectType".into(), Json::Str(t.name().into())));
    }
    let mut own_profile = false;
    for (k, v) in entries {
        let v = match (k.as_str(), v) {
            // A profile object is parsed once per distinct text (the
            // registry the JS binding uses), not once per record.
            ("profile", Json::Obj(_)) => {
                let id = beian_check::profile::register(&v.to_text())
                    .map_err(|e| format!("profile: {e}"))?;
                Json::Obj(vec![("$ref".into(), Json::Num(id as f64))])
            }
            _ => v.clone(),
        };
        own_profile |= k == "profile" && !v.is_null();
        base.push((k.clone(), v));
    }
    let mut o = Options::from_json(&Json::Obj(base), opts.today)?;
    if !own_profile {
        o.profile = opts.profile.clone();
    }
    Ok(o)
}

/// A whole FilingForm → the checkForm result `{"ok":…,"findings":[…]}`.
fn check_form_record(form: &Json, opts: &Options, out: &mut String) -> bool {
    let result = beian_check::form::check_form(form, opts);
    let ok = result.ok();
    out.push_str(if ok { "\"ok\":true" } else { "\"ok\":false" });
    out.push_str(",\"findings\":");
    output::write_form_findings(out, &result.findings, opts.locale);
    out.push('}');
    ok
}

/// Finishes `out` as `{"line":N,"ok":false,"error":"…"}`.
fn record_error(out: &mut String, message: &str) -> bool {
    out.push_str("\"ok\":false,\"error\":");
    write_str(out, message);
    out.push('}');
    false
}

/// The progress bar on stderr: bytes read of the file's size when known,
/// else a running count; redrawn at most ten times a second.
struct Bar {
    draw: bool,
    total: Option<u64>,
    done: u64,
    records: u64,
    start: Instant,
    last: Option<Instant>,
}

impl Bar {
    fn new(draw: bool, total: Option<u64>) -> Bar {
        Bar {
            draw,
            total,
            done: 0,
            records: 0,
            start: Instant::now(),
            last: None,
        }
    }

    fn tick(&mut self, bytes: u64, record: bool) {
        self.done += bytes;
        if record {
            self.records += 1;
        }
        if !self.draw {
            return;
        }
        let now = Instant::now();
        if self
            .last
            .is_some_and(|t| now.duration_since(t) < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(now);
        self.render(false);
    }

    fn rate(&self) -> u64 {
        let ms = self.start.elapsed().as_millis().max(1);
        u64::try_from(u128::from(self.records) * 1000 / ms).unwrap_or(u64::MAX)
    }

    fn render(&self, last: bool) {
        const WIDTH: u64 = 30;
        let mut line = String::from("\r");
        match self.total {
            Some(total) if total > 0 => {
                let done = if last { total } else { self.done.min(total) };
                let filled = done * WIDTH / total;
                line.push('[');
                for i in 0..WIDTH {
                    line.push(if i < filled { '#' } else { '-' });
                }
                line.push_str(&format!("] {:>3}% ", done * 100 / total));
            }
            _ => line.push_str("… "),
        }
        line.push_str(&format!("{} records, {}/s", self.records, self.rate()));
        line.push_str("\x1b[K");
        let mut err = io::stderr().lock();
        let _ = err.write_all(line.as_bytes());
        let _ = err.flush();
    }

    fn finish(&mut self, records: u64, failed: u64) {
        if !self.draw {
            return;
        }
        self.records = records;
        self.render(true);
        eprintln!(
            "\n{records} records, {failed} with errors, {} records/s",
            self.rate()
        );
    }
}
