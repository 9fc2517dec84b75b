//! `beian-check` — checks ICP filings in bulk, natively (no WebAssembly).
//!
//! Reads JSON Lines (one record per line) from a file or stdin and writes one
//! result line per record to stdout, in the same JSON shape as the JS API.
//! A record is a whole `FilingForm` (checked like `checkForm`), or
//! `{"kind": "mobile", "value": "…"}` for one field (like `checkField`).
//! Exit code 0 when no record has an error, 1 when any has, 2 for a usage or
//! I/O problem. A progress bar goes to stderr, only when stderr is a terminal.
//!
//! Records are checked on every core (`--threads`, default: the machine's
//! available parallelism): the reader cuts the input into batches, worker
//! threads check them, and the results are written in input order. At most
//! a few batches per thread are in flight, so memory stays bounded however
//! long the input is (docs/limits.md).
//!
//! Hand-rolled argument parsing, progress bar and thread pool (std threads
//! and channels): the binary adds no dependency to the crate, and the
//! library (and so the wasm) is unchanged.
#![forbid(unsafe_code)]
// As in the library: no record, however malformed, may panic the batch.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

use beian_check::date::Date;
use beian_check::json::{self, write_str, Json};
use beian_check::options::Options;
use beian_check::output;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::{Arc, Mutex};
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
  --threads N        check on N threads (default: every core); results keep input order
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
    threads: usize,
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
    let mut threads = None;
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
            "--threads" => {
                let v = value("a number of threads")?;
                match v.parse::<usize>() {
                    Ok(n) if (1..=MAX_THREADS).contains(&n) => threads = Some(n),
                    _ => {
                        return Err(format!(
                            "--threads must be a number from 1 to {MAX_THREADS}, not {v}"
                        ))
                    }
                }
            }
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
    let threads = threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
    });
    Ok(Some(Config {
        input,
        options,
        progress,
        threads,
    }))
}

/// The most threads `--threads` takes.
const MAX_THREADS: usize = 256;

fn run() -> Result<i32, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(config) = parse_args(&args)? else {
        return Ok(0);
    };
    let (reader, total): (Box<dyn Read + Send>, Option<u64>) = match config.input.as_deref() {
        None | Some("-") => (Box::new(io::stdin()), None),
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
    let mut input = Batches::new(BufReader::with_capacity(1 << 16, reader));
    let mut failed: u64 = 0;
    let mut records: u64 = 0;
    // Writes one checked batch; Err(code) ends the run.
    let mut write = |done: Done, bar: &mut Bar| -> Result<(), Result<i32, String>> {
        records += done.records;
        failed += done.failed;
        out.write_all(done.out.as_bytes()).map_err(write_failed)?;
        bar.tick(done.bytes, done.records);
        Ok(())
    };
    let read_error = |e: io::Error| format!("cannot read input: {e}");
    if config.threads <= 1 {
        while let Some(batch) = input.next().map_err(read_error)? {
            if let Err(end) = write(check_batch(&batch, &config.options), &mut bar) {
                return end;
            }
        }
    } else {
        // The reader (this function's thread hands it the input) cuts
        // batches; `threads` workers check them; this thread writes them in
        // order. A batch is read only when a token says fewer than
        // IN_FLIGHT are between reading and writing: that bounds memory.
        let in_flight = 2 * config.threads + 2;
        let (tokens, token) = sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            let _ = tokens.send(());
        }
        let (work, todo) = sync_channel::<(u64, Batch)>(in_flight);
        let (finished, done) = channel::<(u64, Done)>();
        let todo = Arc::new(Mutex::new(todo));
        for _ in 0..config.threads {
            let (todo, finished, opts) = (todo.clone(), finished.clone(), config.options.clone());
            std::thread::spawn(move || worker(&todo, &finished, &opts));
        }
        drop(finished);
        let reader = std::thread::spawn(move || -> io::Result<()> {
            let mut seq = 0;
            while token.recv().is_ok() {
                let Some(batch) = input.next()? else { break };
                if work.send((seq, batch)).is_err() {
                    break;
                }
                seq += 1;
            }
            Ok(())
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (seq, batch) in done.iter() {
            waiting.insert(seq, batch);
            while let Some(batch) = waiting.remove(&next) {
                if let Err(end) = write(batch, &mut bar) {
                    return end;
                }
                next += 1;
                let _ = tokens.send(());
            }
        }
        match reader.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(read_error(e)),
            Err(_) => return Err("the input reader failed".into()),
        }
    }
    if let Err(e) = out.flush() {
        return write_failed(e);
    }
    bar.finish(records, failed);
    Ok(if failed > 0 { 1 } else { 0 })
}

/// A worker thread: checks batches until the reader has no more.
fn worker(
    todo: &Mutex<Receiver<(u64, Batch)>>,
    finished: &std::sync::mpsc::Sender<(u64, Done)>,
    opts: &Options,
) {
    loop {
        let next = match todo.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, batch)) = next else { return };
        if finished.send((seq, check_batch(&batch, opts))).is_err() {
            return;
        }
    }
}

/// Lines read together (the unit a worker checks): their text, one after
/// the other in `text`, and per line its number, end in `text`, bytes
/// consumed and whether it fit in [`MAX_LINE`].
struct Batch {
    text: Vec<u8>,
    lines: Vec<(u64, usize, u64, bool)>,
}

/// A checked batch: its result lines, and what the progress bar and the
/// exit code count.
struct Done {
    out: String,
    records: u64,
    failed: u64,
    bytes: u64,
}

/// Lines per batch, and input bytes after which a batch is cut early.
const BATCH_LINES: usize = 256;
const BATCH_BYTES: usize = 256 << 10;

/// The input as batches of lines.
struct Batches<R> {
    lines: Lines<R>,
    line_no: u64,
}

impl<R: BufRead> Batches<R> {
    fn new(input: R) -> Self {
        Batches {
            lines: Lines::new(input),
            line_no: 0,
        }
    }

    /// The next batch; `None` at the end of the input.
    fn next(&mut self) -> io::Result<Option<Batch>> {
        let mut batch = Batch {
            text: Vec::new(),
            lines: Vec::new(),
        };
        while batch.lines.len() < BATCH_LINES && batch.text.len() < BATCH_BYTES {
            let Some((n, whole)) = self.lines.next()? else {
                break;
            };
            self.line_no += 1;
            if whole {
                // (A line past the cap is not checked: its text is not kept.)
                batch
                    .text
                    .extend_from_slice(trim_line(&self.lines.buf, self.line_no == 1));
            }
            batch.lines.push((self.line_no, batch.text.len(), n, whole));
        }
        Ok((!batch.lines.is_empty()).then_some(batch))
    }
}

/// Checks a batch's records into their result lines, in order.
fn check_batch(batch: &Batch, opts: &Options) -> Done {
    let mut done = Done {
        out: String::with_capacity(batch.lines.len() * 512),
        records: 0,
        failed: 0,
        bytes: 0,
    };
    let mut start = 0;
    for &(line_no, end, n, whole) in &batch.lines {
        let text = batch.text.get(start..end).unwrap_or(&[]);
        start = end;
        done.bytes += n;
        if whole && text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let ok = if whole {
            check_record(line_no, text, opts, &mut done.out)
        } else {
            done.out.push_str(&format!("{{\"line\":{line_no},"));
            record_error(
                &mut done.out,
                &format!("the line is longer than {MAX_LINE} bytes ({n} bytes): not checked"),
            )
        };
        done.out.push('\n');
        done.records += 1;
        if !ok {
            done.failed += 1;
        }
    }
    done
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
    let mut parsed = None;
    for (k, v) in entries {
        if let ("profile", Json::Obj(_)) = (k.as_str(), v) {
            // A profile object is parsed once per distinct text (the
            // registry the JS binding uses), not once per record.
            parsed = Some(profile_object(&v.to_text()).map_err(|e| format!("profile: {e}"))?);
            continue;
        }
        own_profile |= k == "profile" && !v.is_null();
        base.push((k.clone(), v.clone()));
    }
    let mut o = Options::from_json(&Json::Obj(base), opts.today)?;
    if let Some(p) = parsed {
        o.profile = p;
    } else if !own_profile {
        o.profile = opts.profile.clone();
    }
    Ok(o)
}

/// A record's profile object, parsed once per distinct text by the
/// library's registry. Registering and taking the profile happen under one
/// lock: another thread's registrations cannot evict it in between (only
/// this function registers in the CLI).
fn profile_object(text: &str) -> Result<Arc<beian_check::profile::Profile>, String> {
    static REGISTERING: Mutex<()> = Mutex::new(());
    let _one = REGISTERING.lock().unwrap_or_else(|e| e.into_inner());
    let id = beian_check::profile::register(text)?;
    beian_check::profile::registered(id).ok_or_else(|| "profile registry unavailable".into())
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

    fn tick(&mut self, bytes: u64, records: u64) {
        self.done += bytes;
        self.records += records;
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
