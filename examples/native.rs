//! Using beian-check from Rust, without WebAssembly: check fields, read the
//! parsed facts, render findings in a locale, check a whole filing, and
//! produce the same JSON the JS API returns. Run with `cargo run --example native`.

use beian_check::output::{hint, message};
use beian_check::{check_field, Date, Locale, Options, Severity};

fn main() {
    // Pin the date so the output is reproducible; `Options::new()` uses today.
    let mut opts = Options::on(Date::parse("2026-11-27").unwrap_or_else(Date::today));
    opts.locale = Locale::En;

    for (kind, value) in [
        ("mobile", "+86 138 0013 8000"),
        ("mobile", "1380013800"),
        ("email", "user@qq.con"),
    ] {
        // `Err` only for an unknown kind; a bad value is a finding.
        let result = match check_field(kind, value, &opts) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        println!(
            "{kind} {value:?} → ok={} normalised={:?}",
            result.ok(),
            result.value
        );
        for f in &result.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            println!(
                "  {level} {}: {} — {}",
                f.code,
                message(f, opts.locale),
                hint(f, opts.locale)
            );
            if let Some(fix) = &f.fix {
                println!("    safe fix: {fix}");
            }
        }
    }

    // A whole filing, as parsed JSON (from a request body, a database, a file).
    let form = beian_check::json::parse(
        r#"{"province":"京","subject":{"type":"enterprise","name":"示例科技有限公司",
            "principal":{"name":"张三","mobile":"13800138000","emergencyPhone":"+86 138 0013 8000"}},
            "websites":[{"name":"示例","domains":["example.com"]}]}"#,
    );
    match form {
        Ok(form) => {
            let result = beian_check::form::check_form(&form, &opts);
            println!(
                "form ok={} ({} findings)",
                result.ok(),
                result.findings.len()
            );
            for f in result.findings.iter().take(5) {
                println!("  {} [{}] {}", f.path, f.code, message(f, opts.locale));
            }
        }
        Err(e) => eprintln!("not JSON: {e}"),
    }

    // The exact JSON the browser and Node builds return (the CLI prints this too).
    let json = beian_check::api::check_field(
        "mobile",
        "1380013800",
        r#"{"locale":"zh-CN"}"#,
        "2026-11-27",
    );
    println!("{json}");
}
