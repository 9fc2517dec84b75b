//! The 34 provincial-level divisions (GB/T 2260 two-digit codes) with the
//! abbreviations each kind of number uses. ICP numbers use 蜀/黔/滇/陇 for
//! Sichuan/Guizhou/Yunnan/Gansu where licence plates and 公网安备 numbers
//! mostly use 川/贵/云/甘 (rules.md §1.3, §1.5).

#[allow(unused_imports)]
use crate::rt::prelude::*;

/// One provincial-level division.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Province {
    /// GB/T 2260 two-digit code, e.g. 11.
    pub code: u8,
    /// Full name, e.g. 北京市.
    pub name: &'static str,
    /// Short name, e.g. 北京.
    pub short: &'static str,
    /// The common one-character abbreviation (licence plates, 公网安备), e.g. 川.
    pub abbr: char,
    /// The abbreviation MIIT uses in ICP numbers, e.g. 蜀; `None` where no
    /// ICP numbers are issued (Taiwan, Hong Kong, Macao).
    pub icp: Option<char>,
    /// Traditional-Chinese full name.
    pub name_tw: &'static str,
    /// English name.
    pub en: &'static str,
}

const fn p(
    code: u8,
    name: &'static str,
    short: &'static str,
    abbr: char,
    icp: Option<char>,
    name_tw: &'static str,
    en: &'static str,
) -> Province {
    Province {
        code,
        name,
        short,
        abbr,
        icp,
        name_tw,
        en,
    }
}

/// Every provincial-level division, by code.
pub const PROVINCES: &[Province] = &[
    p(11, "北京市", "北京", '京', Some('京'), "北京市", "Beijing"),
    p(12, "天津市", "天津", '津', Some('津'), "天津市", "Tianjin"),
    p(13, "河北省", "河北", '冀', Some('冀'), "河北省", "Hebei"),
    p(14, "山西省", "山西", '晋', Some('晋'), "山西省", "Shanxi"),
    p(
        15,
        "内蒙古自治区",
        "内蒙古",
        '蒙',
        Some('蒙'),
        "內蒙古自治區",
        "Inner Mongolia",
    ),
    p(21, "辽宁省", "辽宁", '辽', Some('辽'), "遼寧省", "Liaoning"),
    p(22, "吉林省", "吉林", '吉', Some('吉'), "吉林省", "Jilin"),
    p(
        23,
        "黑龙江省",
        "黑龙江",
        '黑',
        Some('黑'),
        "黑龍江省",
        "Heilongjiang",
    ),
    p(31, "上海市", "上海", '沪', Some('沪'), "上海市", "Shanghai"),
    p(32, "江苏省", "江苏", '苏', Some('苏'), "江蘇省", "Jiangsu"),
    p(33, "浙江省", "浙江", '浙', Some('浙'), "浙江省", "Zhejiang"),
    p(34, "安徽省", "安徽", '皖', Some('皖'), "安徽省", "Anhui"),
    p(35, "福建省", "福建", '闽', Some('闽'), "福建省", "Fujian"),
    p(36, "江西省", "江西", '赣', Some('赣'), "江西省", "Jiangxi"),
    p(37, "山东省", "山东", '鲁', Some('鲁'), "山東省", "Shandong"),
    p(41, "河南省", "河南", '豫', Some('豫'), "河南省", "Henan"),
    p(42, "湖北省", "湖北", '鄂', Some('鄂'), "湖北省", "Hubei"),
    p(43, "湖南省", "湖南", '湘', Some('湘'), "湖南省", "Hunan"),
    p(
        44,
        "广东省",
        "广东",
        '粤',
        Some('粤'),
        "廣東省",
        "Guangdong",
    ),
    p(
        45,
        "广西壮族自治区",
        "广西",
        '桂',
        Some('桂'),
        "廣西壯族自治區",
        "Guangxi",
    ),
    p(46, "海南省", "海南", '琼', Some('琼'), "海南省", "Hainan"),
    p(
        50,
        "重庆市",
        "重庆",
        '渝',
        Some('渝'),
        "重慶市",
        "Chongqing",
    ),
    p(51, "四川省", "四川", '川', Some('蜀'), "四川省", "Sichuan"),
    p(52, "贵州省", "贵州", '贵', Some('黔'), "貴州省", "Guizhou"),
    p(53, "云南省", "云南", '云', Some('滇'), "雲南省", "Yunnan"),
    p(
        54,
        "西藏自治区",
        "西藏",
        '藏',
        Some('藏'),
        "西藏自治區",
        "Tibet",
    ),
    p(61, "陕西省", "陕西", '陕', Some('陕'), "陝西省", "Shaanxi"),
    p(62, "甘肃省", "甘肃", '甘', Some('陇'), "甘肅省", "Gansu"),
    p(63, "青海省", "青海", '青', Some('青'), "青海省", "Qinghai"),
    p(
        64,
        "宁夏回族自治区",
        "宁夏",
        '宁',
        Some('宁'),
        "寧夏回族自治區",
        "Ningxia",
    ),
    p(
        65,
        "新疆维吾尔自治区",
        "新疆",
        '新',
        Some('新'),
        "新疆維吾爾自治區",
        "Xinjiang",
    ),
    p(71, "台湾省", "台湾", '台', None, "臺灣省", "Taiwan"),
    p(
        81,
        "香港特别行政区",
        "香港",
        '港',
        None,
        "香港特別行政區",
        "Hong Kong",
    ),
    p(
        82,
        "澳门特别行政区",
        "澳门",
        '澳',
        None,
        "澳門特別行政區",
        "Macao",
    ),
];

impl Province {
    /// The province with this two-digit code.
    pub fn by_code(code: u8) -> Option<&'static Province> {
        PROVINCES.iter().find(|p| p.code == code)
    }

    /// The province an abbreviation names: the common one (川), the ICP one
    /// (蜀), or the historical alternates 申 (Shanghai) and 秦 (Shaanxi).
    // Vision wasm: one copy, not one per caller (docs/notes/vision-speed2.md).
    #[cfg_attr(vision_only, inline(never))]
    pub fn by_abbr(c: char) -> Option<&'static Province> {
        let c = match c {
            '申' => '沪',
            '秦' => '陕',
            other => other,
        };
        PROVINCES.iter().find(|p| p.abbr == c || p.icp == Some(c))
    }

    /// Parses what a user or integrator may pass as a province:
    /// `京`, `北京`, `北京市`, `11`, `110000`, or the English name.
    pub fn parse(s: &str) -> Option<&'static Province> {
        let s = crate::options::trim(s);
        if s.is_empty() {
            return None;
        }
        if s.bytes().all(|b| b.is_ascii_digit()) {
            // Only two or six digits count (they cannot overflow): no `str::parse`.
            let code = s.bytes().fold(0u32, |n, b| {
                n.wrapping_mul(10).wrapping_add(u32::from(b - b'0'))
            });
            return match s.len() {
                2 => Province::by_code(code as u8),
                6 if code % 10_000 == 0 => Province::by_code((code / 10_000) as u8),
                _ => None,
            };
        }
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Province::by_abbr(c);
        }
        PROVINCES
            .iter()
            .find(|p| p.name == s || p.short == s || p.name_tw == s || p.en.eq_ignore_ascii_case(s))
    }

    /// Whether a province has this two-digit code ([`Province::by_code`];
    /// the vision module asks [`packed`]).
    pub fn has_code(code: u8) -> bool {
        #[cfg(vision_only)]
        return packed::find(0, 0, &[code]).is_some();
        #[cfg(not(vision_only))]
        Province::by_code(code).is_some()
    }
}

/// [`PROVINCES`] as one byte string, for the vision module (and the tests
/// that hold it to the table): per province, in the table's order, seven
/// fields each ended by a 0 byte (which no UTF-8 text and no code holds):
/// the code (one byte), the abbreviation, the ICP abbreviation (empty if
/// none), the name, the short name, the traditional name (empty when it is
/// the name) and the English name. Built at compile time from the table,
/// so the two cannot drift. The vision module (`cfg(vision_only)`) reads
/// only this: the 34 rows of `&str` fields cost it ~0.2 KB more gzip
/// (docs/notes/vision-speed2.md).
#[cfg(any(vision_only, test))]
pub mod packed {
    use super::{Province, PROVINCES};

    /// The packed bytes so far (as far as `N` reaches) and their length.
    struct Out<const N: usize>([u8; N], usize);

    impl<const N: usize> Out<N> {
        /// `b`, then the 0 that ends a field. Compile-time only (by value,
        /// no `&mut`: the crate's MSRV is 1.81): an index past the end
        /// would be a build error, never a panic at run time.
        #[allow(clippy::indexing_slicing)]
        const fn put(mut self, b: &[u8]) -> Self {
            let mut i = 0;
            while i <= b.len() {
                if self.1 < N {
                    self.0[self.1] = if i < b.len() { b[i] } else { 0 };
                }
                self.1 += 1;
                i += 1;
            }
            self
        }

        /// `c` in UTF-8 (nothing for `None`), then the ending 0.
        const fn put_char(self, c: Option<char>) -> Self {
            let Some(c) = c else {
                return self.put(&[]);
            };
            let u = c as u32;
            let (b, n) = if u < 0x80 {
                ([u as u8, 0, 0, 0], 1)
            } else if u < 0x800 {
                ([0xc0 | (u >> 6) as u8, tail(u, 0), 0, 0], 2)
            } else if u < 0x1_0000 {
                ([0xe0 | (u >> 12) as u8, tail(u, 6), tail(u, 0), 0], 3)
            } else {
                (
                    [0xf0 | (u >> 18) as u8, tail(u, 12), tail(u, 6), tail(u, 0)],
                    4,
                )
            };
            self.put(b.split_at(n).0)
        }
    }

    /// A UTF-8 continuation byte: bits `k..k + 6` of `u`.
    const fn tail(u: u32, k: u32) -> u8 {
        0x80 | (u >> k & 0x3f) as u8
    }

    /// Whether two texts are the same (`==` is not const).
    #[allow(clippy::indexing_slicing)]
    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The packed table, as far as `N` reaches, and its length.
    const fn pack<const N: usize>() -> Out<N> {
        let mut o = Out([0; N], 0);
        let mut rest: &[Province] = PROVINCES;
        while let [p, tail @ ..] = rest {
            let tw = if same(p.name_tw, p.name) {
                ""
            } else {
                p.name_tw
            };
            o = o
                .put(&[p.code])
                .put_char(Some(p.abbr))
                .put_char(p.icp)
                .put(p.name.as_bytes())
                .put(p.short.as_bytes())
                .put(tw.as_bytes())
                .put(p.en.as_bytes());
            rest = tail;
        }
        o
    }

    const LEN: usize = pack::<0>().1;

    /// The packed table.
    pub static PACKED: [u8; LEN] = pack::<LEN>().0;

    /// The code of the first province one of whose fields `lo..=hi`
    /// (0 the code, 1–2 the abbreviations, 3–6 the names) is `q`: the code
    /// exactly, the others ASCII case folded (only the English name has
    /// ASCII letters; `q` is never empty, so an empty field never matches).
    pub fn find(lo: usize, hi: usize, q: &[u8]) -> Option<u8> {
        let mut code = None;
        for (i, f) in PACKED.split(|&b| b == 0).enumerate() {
            let k = i % 7;
            if k == 0 {
                code = f.first().copied();
            }
            if k >= lo
                && k <= hi
                && (if k == 0 {
                    f == q
                } else {
                    f.eq_ignore_ascii_case(q)
                })
            {
                return code;
            }
        }
        None
    }

    /// [`Province::parse`] on the packed table, giving the code: the
    /// vision module's check of the `province` option (it keeps none:
    /// nothing it checks reads the province).
    pub fn parse(s: &str) -> Option<u8> {
        let s = crate::options::trim(s);
        if s.bytes().all(|b| b.is_ascii_digit()) {
            // Two digits, or six ending in 0000 (no overflow); none if empty.
            let n = s.bytes().fold(0u32, |n, b| {
                n.wrapping_mul(10).wrapping_add(u32::from(b - b'0'))
            });
            let code = match s.len() {
                2 => n,
                6 if n % 10_000 == 0 => n / 10_000,
                _ => return None,
            };
            return find(0, 0, &[code as u8]);
        }
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            // One character: an abbreviation, 申 and 秦 the historical ones
            // of 沪 and 陕.
            (Some(c), None) => {
                let c = match c {
                    '申' => '沪',
                    '秦' => '陕',
                    other => other,
                };
                find(1, 2, c.encode_utf8(&mut [0; 4]).as_bytes())
            }
            _ => find(3, 6, s.as_bytes()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        for s in ["京", "北京", "北京市", "11", "110000", "beijing"] {
            assert_eq!(Province::parse(s).map(|p| p.code), Some(11), "{s}");
        }
        assert_eq!(Province::parse("蜀").map(|p| p.code), Some(51));
        assert_eq!(Province::parse("川").map(|p| p.code), Some(51));
        assert_eq!(Province::parse("陇").map(|p| p.code), Some(62));
        assert_eq!(Province::parse("99"), None);
        assert_eq!(Province::parse("110100"), None);
        assert_eq!(Province::parse(""), None);
    }

    /// The vision module's reading ([`packed`]) gives the table's code for
    /// every two-digit and six-digit code, every character of the table
    /// (and ASCII), and every name in three cases, its halves, spaced, and
    /// a few non-names.
    #[test]
    fn the_packed_table_reads_what_the_table_reads() {
        let mut tries: Vec<String> = vec!["".into(), " ".into(), "beijing市".into(), "Xian".into()];
        tries.extend([
            "12345678901234567890".into(),
            "4400000000".into(),
            "1100001".into(),
        ]);
        for c in 0..100 {
            tries.extend([
                format!("{c:02}"),
                format!("{c:02}0000"),
                format!("{c}"),
                format!("{c:02}0100"),
            ]);
        }
        tries.extend(
            ('\0'..='\u{7f}')
                .chain(['申', '秦', '京', '蜀', '川'])
                .map(String::from),
        );
        for p in PROVINCES {
            for s in [p.name, p.short, p.name_tw, p.en] {
                tries.extend(s.chars().map(String::from));
                let cut = s.char_indices().nth(1).map_or(0, |(i, _)| i);
                tries.extend([
                    s.into(),
                    s.to_uppercase(),
                    s.to_lowercase(),
                    format!(" {s} "),
                ]);
                tries.extend([s[..cut].into(), s[cut..].into()]);
            }
            tries.extend([p.abbr.into(), format!("{}", p.code)]);
            tries.extend(p.icp.map(String::from));
        }
        for s in &tries {
            assert_eq!(
                packed::parse(s),
                Province::parse(s).map(|p| p.code),
                "{s:?}"
            );
        }
    }
}
