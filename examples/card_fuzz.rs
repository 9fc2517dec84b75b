//! Random-input run of the card pipeline without cargo-fuzz (which this
//! machine lacks): random sizes (1–1023 per side) and random or structured
//! bytes (noise, stripes, a washed-out page with print-like rows), for
//! `secs` seconds; prints executions and the slowest call.
//!     cargo run --release --example card_fuzz -- 60
fn main() {
    let secs: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(30.0);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let start = std::time::Instant::now();
    let (mut n, mut worst) = (0u64, 0f64);
    while start.elapsed().as_secs_f64() < secs {
        let w = 1 + (next() % 1023) as u32;
        let h = 1 + (next() % 1023) as u32;
        let mode = next() % 4;
        let len = (w * h * 4) as usize;
        let seed = next();
        let rgba: Vec<u8> = (0..len)
            .map(|i| match mode {
                0 => (seed.wrapping_mul(i as u64 + 1) >> 24) as u8,
                1 => {
                    if (i / 4 / (w as usize)) % 97 < 50 {
                        230
                    } else {
                        40
                    }
                }
                // A washed-out page with print-like rows of dark strokes
                // (the print search's path: a bright frame, ink clusters).
                3 => {
                    let (px, row) = (i / 4 % w as usize, i / 4 / w as usize);
                    let pitch = 6 + (seed % 20) as usize;
                    let ink = row % pitch < pitch / 3 && (px / 3 + row) % 5 != 0;
                    let block = (px * 7 + (seed as usize % 64)) / 64 % 3 == 0;
                    if ink && block {
                        90
                    } else {
                        238
                    }
                }
                _ => ((i as u64 * 2654435761) >> (seed % 24)) as u8,
            })
            .collect();
        let slot = ["idCardFront", "idCardBack", "handheldId"][(next() % 3) as usize];
        let t = std::time::Instant::now();
        let out = beian_check::api::check_image_pixels(slot, &rgba, w, h, "", "2026-12-01");
        worst = worst.max(t.elapsed().as_secs_f64() * 1000.0);
        assert!(out.starts_with('{'));
        n += 1;
    }
    println!("{n} executions in {secs} s, no panic; slowest call {worst:.0} ms");
}
