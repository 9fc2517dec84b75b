//! Per-photo CPU time of `checkImagePixels` (native), to find the slow tail
//! on a loaded machine: the thread's CPU time (not wall time), the least of
//! `-n N` calls per photo (default 3), printed as `name ms`, slowest first.
//!
//!     cargo run --release --example card_time -- /work/sets/s2 [/work/sets/s7 …] [-n 3]
use beian_check::json::{parse, Json};

#[path = "cardset/mod.rs"]
mod cardset;

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

/// The calling thread's CPU time in ms (CLOCK_THREAD_CPUTIME_ID, Linux).
fn cpu_ms() -> f64 {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into `ts`, which outlives the call.
    unsafe { clock_gettime(3, &mut ts) };
    ts.sec as f64 * 1e3 + ts.nsec as f64 / 1e6
}

/// The slot, RGBA, width and height of a ground truth's photo (`None`
/// without an `rgba` file).
fn load(path: &std::path::Path) -> Option<(String, Vec<u8>, u32, u32)> {
    let t = parse(&std::fs::read_to_string(path).ok()?).ok()?;
    let num = |k: &str| t.get(k).and_then(Json::as_f64).map(|v| v as u32);
    let px = std::fs::read(path.with_file_name(t.get("rgba")?.as_str()?)).ok()?;
    let slot = t.get("slot")?.as_str()?.to_string();
    Some((slot, px, num("rgbaWidth")?, num("rgbaHeight")?))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut n = 3;
    let mut dirs = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-n" {
            n = it.next().and_then(|v| v.parse().ok()).unwrap_or(3);
        } else {
            dirs.push(a.clone());
        }
    }
    let mut rows = Vec::new();
    for dir in &dirs {
        for path in cardset::truths(dir) {
            let Some((slot, rgba, w, h)) = load(&path) else {
                continue;
            };
            let slot = slot.as_str();
            let mut best = f64::MAX;
            for _ in 0..n {
                let t0 = cpu_ms();
                let out = beian_check::api::check_image_pixels(
                    slot,
                    &rgba,
                    w,
                    h,
                    "{\"locale\":\"en\"}",
                    "2026-12-01",
                );
                best = best.min(cpu_ms() - t0);
                std::hint::black_box(out);
            }
            let name = path.with_extension("");
            rows.push((best, name.display().to_string()));
        }
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, name) in rows {
        println!("{name} {ms:.2}");
    }
}
