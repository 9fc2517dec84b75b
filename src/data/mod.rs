//! Generated data tables (see each file's header for the script that made it).
//!
//! [`regions`] holds the GB/T 2260 codes with their years; the region names
//! are kept apart: native builds embed them, the wasm build receives them
//! from the lazily imported `region-names.js` chunk ([`load_region_names`]),
//! so the first load of the browser package carries only codes and years.

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod regions;

use crate::rt::OnceLock;

/// One region code and the years it was in use (`0` = open-ended).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// The six-digit code.
    pub code: u32,
    /// First year in use, 0 when in use since before the table begins.
    pub from: u16,
    /// Last year in use, 0 when still in use.
    pub to: u16,
    /// Row number (index into the names).
    pub row: usize,
}

impl Region {
    /// True when the code was in use at some time in `[first, last]`.
    pub fn in_use_between(&self, first: i32, last: i32) -> bool {
        let from = i32::from(self.from);
        let to = if self.to == 0 {
            i32::MAX
        } else {
            i32::from(self.to)
        };
        from <= last && to >= first
    }
    /// The region's own name (e.g. 朝阳区), when the names are loaded.
    pub fn name(&self) -> Option<&'static str> {
        let text = names()?;
        let (start, end) = *name_index()?.get(self.row)?;
        text.get(start..end)
    }
}

/// Looks a six-digit code up in the table.
/// Decodes the whole packed table once (about 7,000 rows, ~100 KB of
/// memory) so every later lookup is a binary search: a per-keystroke check
/// must not re-scan the stream (that cost ~0.6 ms per ID before).
fn decoded() -> &'static [Region] {
    static ROWS: OnceLock<Vec<Region>> = OnceLock::new();
    ROWS.get_or_init(decode_all)
}

/// The region with this six-digit code, if the table has it.
pub fn region(code: u32) -> Option<Region> {
    let rows = decoded();
    let i = rows.binary_search_by_key(&code, |r| r.code).ok()?;
    rows.get(i).copied()
}

fn decode_all() -> Vec<Region> {
    decode_rows().unwrap_or_default()
}

fn decode_rows() -> Option<Vec<Region>> {
    let mut out = Vec::with_capacity(regions::ROWS);
    let t = regions::TABLE;
    let deltas = t.get(..regions::DELTAS_LEN)?;
    let flags_at = regions::DELTAS_LEN;
    let from_at = flags_at + regions::ROWS.div_ceil(4);
    let to_at = from_at + regions::FROM_LEN;
    let (mut d, mut nf, mut nt, mut current) = (0usize, 0usize, 0usize, 0u32);
    for row in 0..regions::ROWS {
        let step = *deltas.get(d)?;
        d += 1;
        if step == 255 {
            let b = deltas.get(d..d + 3)?;
            current = b.iter().fold(0u32, |acc, x| acc << 8 | u32::from(*x));
            d += 3;
        } else {
            current += u32::from(step);
        }
        let flag = t.get(flags_at + row / 4)? >> ((row % 4) * 2) & 3;
        let year = |at: usize| t.get(at).map(|y| 1900 + u16::from(*y));
        let from = if flag & 1 != 0 {
            year(from_at + nf)?
        } else {
            0
        };
        let to = if flag & 2 != 0 { year(to_at + nt)? } else { 0 };
        out.push(Region {
            code: current,
            from,
            to,
            row,
        });
        nf += usize::from(flag & 1 != 0);
        nt += usize::from(flag & 2 != 0);
    }
    Some(out)
}

static NAMES: OnceLock<String> = OnceLock::new();

#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED_NAMES: &str = include_str!("region_names.txt");

fn names() -> Option<&'static str> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(NAMES.get().map(String::as_str).unwrap_or(EMBEDDED_NAMES))
    }
    #[cfg(target_arch = "wasm32")]
    {
        NAMES.get().map(String::as_str)
    }
}

/// Byte ranges of each name line, built once the names are present.
fn name_index() -> Option<&'static [(usize, usize)]> {
    static INDEX: OnceLock<Vec<(usize, usize)>> = OnceLock::new();
    if let Some(index) = INDEX.get() {
        return Some(index);
    }
    let text = names()?;
    let mut index = Vec::with_capacity(regions::ROWS);
    let mut start = 0;
    for line in crate::text::pieces(text, b'\n') {
        index.push((start, start + line.len()));
        start += line.len() + 1;
    }
    Some(INDEX.get_or_init(|| index))
}

/// Supplies the region names (the text of `region-names.js`: one name per
/// table row). Returns false, keeping none, when the line count does not
/// match the table — a names chunk from another version.
pub fn load_region_names(text: &str) -> bool {
    // The number of lines as `str::lines` counts them (a final newline
    // ends the last line rather than starting an empty one).
    let mut lines = text.bytes().filter(|b| *b == b'\n').count();
    if !text.is_empty() && !text.ends_with('\n') {
        lines += 1;
    }
    if lines != regions::ROWS {
        return false;
    }
    NAMES.set(text.to_string()).is_ok() || NAMES.get().is_some_and(|n| n == text)
}

/// True when region names are available (always in native builds).
pub fn region_names_loaded() -> bool {
    names().is_some()
}

/// The full name of a region code, e.g. 北京市朝阳区 for 110105: the
/// province, the prefecture (unless a placeholder such as 市辖区) and the
/// county. `None` when the names are not loaded or the code is unknown.
pub fn full_name(code: u32) -> Option<String> {
    let own = region(code)?.name()?;
    let province = code / 10_000 * 10_000;
    let prefecture = code / 100 * 100;
    let mut out = String::new();
    if province != code {
        out.push_str(region(province).and_then(|r| r.name()).unwrap_or(""));
    }
    if prefecture != code && prefecture != province {
        if let Some(name) = region(prefecture).and_then(|r| r.name()) {
            if !(name == "市辖区" || name == "县" || crate::text::contains(name, "直辖")) {
                out.push_str(name);
            }
        }
    }
    out.push_str(own);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_codes_years_and_names() {
        let r = region(110105).unwrap();
        assert_eq!((r.from, r.to), (0, 0));
        assert_eq!(full_name(110105).as_deref(), Some("北京市朝阳区"));
        let r = region(130102).unwrap();
        assert_eq!((r.from, r.to), (1983, 0));
        let r = region(110103).unwrap();
        assert_eq!((r.from, r.to), (0, 2010));
        assert_eq!(full_name(130102).as_deref(), Some("河北省石家庄市长安区"));
        assert!(region(110199).is_none());
        assert!(region(999999).is_none());
        assert!(!load_region_names("too\nfew\n"));
    }

    #[test]
    fn every_tsv_row_is_in_the_table() {
        let tsv = include_str!("../../data/regions/cn-admin-divisions.tsv");
        let mut n = 0;
        for line in tsv.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let code: u32 = cols[0].parse().unwrap();
            let r = region(code).unwrap_or_else(|| panic!("{code} missing"));
            let year = |s: &str| s.parse::<u16>().unwrap_or(0);
            let (from, to) = (year(cols[3]), year(cols[4]));
            // Merged rows span every row's years.
            assert!(r.from == 0 || (from != 0 && r.from <= from), "{code}");
            assert!(r.to == 0 || (to != 0 && r.to >= to), "{code}");
            n += 1;
        }
        assert!(n > 7000);
    }
}
