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
    let mut input = BufReader::with_capacity(1 << 16, reader);
    let mut buf = Vec::new();
    let mut line_no: u64 = 0;
    let mut failed: u64 = 0;
    let mut records: u64 = 0;
    let mut result = String::with_capacity(1024);
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("cannot read input: {e}"))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let text = trim_line(&buf, line_no == 1);
        if text.iter().all(u8::is_ascii_whitespace) {
            bar.tick(n as u64, false);
            continue;
        }
        result.clear();
        let ok = check_record(line_no, text, &config.options, &mut result);
        result.push('\n');
        records += 1;
        if !ok {
            failed += 1;
        }
        if let Err(e) = out.write_all(result.as_bytes()) {
            return write_failed(e);
        }
        bar.tick(n as u64, true);
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

/// Drops the line ending and, on the first line, a UTF-8 byte order mark.
fn trim_line(buf: &[u8], first: bool) -> &[u8] {
    let mut s = buf;
    if first {
        s = s.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(s);
    }
    s = s.strip_suffix(b"\n").unwrap_or(s);
    s.strip_suffix(b"\r").unwrap_or(s)
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
    match field {
        (Some(kind), Some(value)) => check_field_record(kind, value, &record, opts, out),
        _ => check_form_record(&record, opts, out),
    }
}

/// `{"kind": …, "value": …, "options"?: {…}}` → the checkField result.
fn check_field_record(
    kind: &str,
    value: &Json,
    record: &Json,
    opts: &Options,
    out: &mut String,
) -> bool {
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
    let local;
    let opts = match record.get("options") {
        None | Some(Json::Null) => opts,
        Some(extra) => match merged(opts, extra) {
            Ok(o) => {
                local = o;
                &local
            }
            Err(e) => return record_error(out, &e),
        },
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
    base.extend(entries.iter().cloned());
    let mut o = Options::from_json(&Json::Obj(base), opts.today)?;
    o.profile = opts.profile.clone();
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
