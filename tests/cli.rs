//! The `beian-check` CLI: JSON Lines in, one result line per record out,
//! exit codes, and a progress bar only on a terminal.

use beian_check::json::{self, Json};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_beian-check");

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the CLI");
    // Written from another thread: the CLI writes results while it reads,
    // and a full stdout pipe would otherwise stall both.
    let mut input = child.stdin.take().expect("stdin");
    let text = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(text.as_bytes());
    });
    let out = child.wait_with_output().expect("wait for the CLI");
    writer.join().expect("stdin writer");
    out
}

fn lines(out: &Output) -> Vec<Json> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| json::parse(l).expect("every output line is JSON"))
        .collect()
}

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("beian-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write temp file");
    p
}

#[test]
fn one_result_line_per_record_with_the_api_json() {
    let input = "{\"kind\":\"mobile\",\"value\":\"+86 138 0013 8000\"}\r\n\n{\"kind\":\"mobile\",\"value\":\"1380013800\"}\n{\"kind\":\"email\",\"value\":\"a@b.cn\"}";
    let out = run(&["--locale", "en", "--today=2026-11-27"], input);
    assert_eq!(out.status.code(), Some(1), "a record has an error");
    let got = lines(&out);
    assert_eq!(
        got.len(),
        3,
        "blank lines are skipped, the last line needs no newline"
    );
    let line_nos: Vec<f64> = got.iter().filter_map(|l| l.get("line")?.as_f64()).collect();
    assert_eq!(line_nos, vec![1.0, 3.0, 4.0], "input line numbers");
    // Everything after "line" is exactly what checkField returns in JS.
    for (l, (kind, value)) in got.iter().zip([
        ("mobile", "+86 138 0013 8000"),
        ("mobile", "1380013800"),
        ("email", "a@b.cn"),
    ]) {
        let api = beian_check::api::check_field(kind, value, r#"{"locale":"en"}"#, "2026-11-27");
        let Json::Obj(mut entries) = l.clone() else {
            panic!("object")
        };
        entries.retain(|(k, _)| k != "line");
        assert_eq!(Json::Obj(entries), json::parse(&api).unwrap());
    }
    assert!(
        got[1]
            .get("findings")
            .unwrap()
            .to_text()
            .contains("needs 11"),
        "English messages"
    );
}

#[test]
fn exit_zero_when_every_record_passes_and_reads_a_file() {
    let path = scratch("ok.jsonl", "{\"kind\":\"mobile\",\"value\":\"13800138000\"}\n{\"kind\":\"email\",\"value\":\"a@b.cn\"}\n");
    let out = run(&[path.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out).len(), 2);
    assert!(
        out.stderr.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
}

#[test]
fn bad_records_are_result_lines_not_crashes() {
    let out = run(&[], "not json\n[1,2]\n{\"kind\":\"nope\",\"value\":\"1\"}\n\u{FEFF}{\"kind\":\"mobile\",\"value\":{}}\n");
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 4);
    for l in &got {
        assert_eq!(l.get("ok"), Some(&Json::Bool(false)));
        assert!(
            l.get("error").and_then(Json::as_str).is_some(),
            "{}",
            l.to_text()
        );
    }
    assert!(
        got[2]
            .get("error")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("mobile"),
        "names the valid kinds"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--locale", "fr"][..],
        &["--bogus"],
        &["--today", "2026-02-30"],
        &["/no/such/file.jsonl"],
        &["--options", "[]"],
    ] {
        let out = run(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "says why: {args:?}");
    }
    let help = run(&["--help"], "");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("JSON Lines"));
}

#[test]
fn progress_bar_on_a_terminal_only() {
    // `script` (util-linux) runs the CLI with a pseudo-terminal as stderr.
    if !std::path::Path::new("/usr/bin/script").exists() {
        eprintln!("skipped: /usr/bin/script not installed");
        return;
    }
    let mut text = String::new();
    for _ in 0..200 {
        text.push_str("{\"kind\":\"mobile\",\"value\":\"13800138000\"}\n");
    }
    let path = scratch("tty.jsonl", &text);
    let out_path = path.with_extension("out");
    let cmd = format!("{BIN} {} > {}", path.display(), out_path.display());
    let tty = Command::new("/usr/bin/script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("run script");
    let terminal = String::from_utf8_lossy(&tty.stdout);
    assert!(
        terminal.contains("100%") && terminal.contains("200 records"),
        "bar drawn on the terminal: {terminal:?}"
    );
    let results = std::fs::read_to_string(&out_path).expect("stdout file");
    assert_eq!(results.lines().count(), 200, "stdout carries only results");
    assert!(!results.contains('%'));
}

#[test]
fn filing_records_get_the_check_form_json() {
    let forms = [
        r#"{"province":"京","subject":{"type":"enterprise","principal":{"mobile":"13800138000","emergencyPhone":"+86 138 0013 8000"}},"websites":[]}"#,
        r#"{"subject":{"type":"personal"},"websites":[{"name":"","domains":["example.com"]}]}"#,
        "{}",
    ];
    let input = forms.join("\n");
    let out = run(&["--locale", "zh-TW", "--today", "2026-11-27"], &input);
    assert_eq!(out.status.code(), Some(1), "these forms have errors");
    let got = lines(&out);
    assert_eq!(got.len(), forms.len());
    for (l, form) in got.iter().zip(forms) {
        let api = beian_check::api::check_form(form, r#"{"locale":"zh-TW"}"#, "2026-11-27");
        let Json::Obj(mut entries) = l.clone() else {
            panic!("object")
        };
        entries.retain(|(k, _)| k != "line");
        assert_eq!(Json::Obj(entries), json::parse(&api).unwrap(), "{form}");
    }
    let first = got[0].get("findings").unwrap().to_text();
    assert!(
        first.contains("subject.principal.emergencyPhone"),
        "paths in the findings: {first}"
    );
}

#[test]
fn a_provider_profile_from_a_file() {
    let good = scratch("profile.json", r#"{"extends":"generic","name":"acme"}"#);
    let out = run(
        &["--profile", good.to_str().unwrap()],
        "{\"kind\":\"mobile\",\"value\":\"13800138000\"}\n",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bad = scratch("bad-profile.json", r#"{"extends":"generic","nonsense":1}"#);
    let out = run(&["--profile", bad.to_str().unwrap()], "");
    assert_eq!(
        out.status.code(),
        Some(2),
        "an invalid profile is a usage error"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("nonsense"),
        "names the bad key"
    );
}

#[test]
fn a_lone_cr_ends_a_record_and_every_record_gets_one_line() {
    // Issue 17: CR-only line endings turned 2 records into 1 result.
    let input = "{\"kind\":\"mobile\",\"value\":\"13800138000\"}\r{\"kind\":\"email\",\"value\":\"a@b.cn\"}\r\r\n{\"kind\":\"mobile\",\"value\":\"1\"}\r";
    let out = run(&["--today=2026-11-27"], input);
    let got = lines(&out);
    let line_nos: Vec<f64> = got.iter().filter_map(|l| l.get("line")?.as_f64()).collect();
    assert_eq!(
        line_nos,
        vec![1.0, 2.0, 4.0],
        "CR, CR and CRLF each end a line"
    );
    assert_eq!(got[1].get("ok"), Some(&Json::Bool(true)), "{:?}", got[1]);
}

#[test]
fn a_record_profile_applies_and_a_bad_one_is_an_error_record() {
    // Issue 17: a per-record options.profile was silently ignored.
    let profile = r#"{"extends":"generic","patterns":[{"kind":"mobile","pattern":"^138","code":"acme.no138","message":{"zh-CN":"不收 138 号段"}}]}"#;
    let input = format!(
        "{{\"kind\":\"mobile\",\"value\":\"13800138000\",\"options\":{{\"profile\":{profile}}}}}\n\
         {{\"kind\":\"mobile\",\"value\":\"13800138000\",\"options\":{{\"profile\":{{\"nope\":1}}}}}}\n\
         {{\"kind\":\"mobile\",\"value\":\"13800138000\",\"options\":{{\"locale\":\"fr\"}}}}\n\
         {{\"subject\":{{}},\"options\":{{\"profile\":{{\"patterns\":[{{\"kind\":\"mobile\",\"pattern\":\"a{{2}}{{3}}\",\"message\":{{\"zh-CN\":\"x\"}}}}]}}}}}}\n\
         {{\"kind\":\"mobile\",\"value\":\"13800138000\"}}\n"
    );
    let got = lines(&run(&["--today=2026-11-27"], &input));
    assert_eq!(got.len(), 5, "count in = count out");
    assert!(got[0].to_text().contains("acme.no138"), "{:?}", got[0]);
    for (i, key) in [(1, "nope"), (2, "fr"), (3, "patterns[0].pattern")] {
        let err = got[i].get("error").and_then(Json::as_str).unwrap_or("");
        assert!(
            err.starts_with("options: ") && err.contains(key),
            "{i}: {err}"
        );
    }
    assert_eq!(
        got[4].get("ok"),
        Some(&Json::Bool(true)),
        "the next record is checked as usual"
    );
}

#[test]
fn a_line_past_the_cap_is_an_error_record_and_the_next_is_read() {
    let long = format!(
        "{{\"kind\":\"mobile\",\"value\":\"{}\"}}",
        "1".repeat(5 << 20)
    );
    let input = format!("{long}\n{{\"kind\":\"mobile\",\"value\":\"13800138000\"}}\n");
    let got = lines(&run(&["--today=2026-11-27"], &input));
    assert_eq!(got.len(), 2);
    let err = got[0].get("error").and_then(Json::as_str).unwrap_or("");
    assert!(err.contains("longer than 4194304 bytes"), "{err}");
    assert_eq!(got[1].get("line"), Some(&Json::Num(2.0)));
    assert_eq!(got[1].get("ok"), Some(&Json::Bool(true)));
}

#[test]
fn threads_keep_input_order_and_give_the_one_thread_output() {
    // Issue 18: records are checked on several threads; results keep input
    // order, one per record, byte for byte what one thread writes — with
    // error records, blank lines, CR / CRLF endings and a line past the cap
    // among them, and more records than fit in the batches in flight.
    let kinds = [
        "{\"kind\":\"mobile\",\"value\":\"1380013800N\"}",
        "{\"kind\":\"email\",\"value\":\"user@qq.con\"}",
        "{\"kind\":\"residentId\",\"value\":\"11010519491231002X\"}",
        "not json",
        "[1,2]",
        "{\"kind\":\"mobile\",\"value\":\"13800138000\",\"options\":{\"locale\":\"fr\"}}",
        "{\"province\":\"京\",\"subject\":{\"type\":\"personal\",\"name\":\"张三\"}}",
        "",
        "   ",
    ];
    let ends = ["\n", "\r\n", "\r"];
    let mut input = String::new();
    for i in 0..3000 {
        let line = kinds[i % kinds.len()].replace('N', &(i % 10).to_string());
        input.push_str(&line);
        input.push_str(ends[i % 7 % 3]);
        if i == 1500 {
            input.push_str(&format!(
                "{{\"kind\":\"mobile\",\"value\":\"{}\"}}\n",
                "1".repeat(5 << 20)
            ));
        }
    }
    let one = run(&["--today=2026-11-27", "--threads", "1"], &input);
    assert_eq!(one.status.code(), Some(1));
    let got = lines(&one);
    let nos: Vec<f64> = got.iter().filter_map(|l| l.get("line")?.as_f64()).collect();
    assert_eq!(nos.len(), got.len(), "every result has its line");
    assert!(nos.windows(2).all(|w| w[0] < w[1]), "input order");
    let blank = (0..3000)
        .filter(|i| kinds[i % kinds.len()].trim().is_empty())
        .count();
    assert_eq!(got.len(), 3000 + 1 - blank, "count in = count out");
    let capped = got
        .iter()
        .filter(|l| {
            l.get("error")
                .and_then(Json::as_str)
                .is_some_and(|e| e.contains("longer than 4194304"))
        })
        .count();
    assert_eq!(capped, 1, "the long line is an error record in its place");
    for threads in ["2", "3", "8"] {
        let out = run(&["--today=2026-11-27", "--threads", threads], &input);
        assert_eq!(out.status.code(), Some(1), "{threads} threads");
        assert!(
            out.stdout == one.stdout,
            "{threads} threads: output differs from one thread's"
        );
    }
    let all = run(&["--today=2026-11-27"], &input);
    assert!(all.stdout == one.stdout, "the default (every core)");
}

#[test]
fn threads_option_is_checked() {
    for bad in ["0", "x", "-1", "100000"] {
        let out = run(&["--threads", bad], "");
        assert_eq!(out.status.code(), Some(2), "--threads {bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--threads"));
    }
    let ok = run(
        &["--threads=3", "--today=2026-11-27"],
        "{\"kind\":\"mobile\",\"value\":\"13800138000\"}",
    );
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(lines(&ok).len(), 1);
}
