//! The two faces of the second-generation resident ID card as zones in
//! millimetres from the card's own top-left corner (card 85.6 × 54 mm,
//! ISO/IEC 7810 ID-1). Positions follow published specimen images (GA
//! 450-2013 fixes the field order; the printed layout is the same on every
//! card): on the portrait side the photo sits at the right and the 18-digit
//! number along the bottom; on the emblem side the red national emblem is
//! at the top left, the title to its right, issuing authority and validity
//! along the bottom.

/// A box `(x0, y0, x1, y1)` in mm.
pub type Zone = (f64, f64, f64, f64);

/// Card width and height (mm).
pub const CARD: (f64, f64) = (85.6, 54.0);

/// Portrait side: name/sex/ethnicity/birth/address labels and values.
pub const P_FIELDS: Zone = (5.0, 4.5, 46.0, 37.0);
/// Portrait side: the photo.
pub const P_PHOTO: Zone = (55.0, 5.0, 80.5, 38.0);
/// Portrait side: "公民身份号码" and the number.
pub const P_NUMBER_LINE: Zone = (5.0, 44.0, 80.0, 49.5);
/// Portrait side: the 18 characters of the number.
pub const P_NUMBER: Zone = (27.5, 43.6, 80.5, 49.6);

/// Portrait side: where the hair of the photo's head is (the head is
/// centred in the photo, its top ~6 mm below the photo's).
pub const P_HAIR: Zone = (63.0, 10.5, 72.5, 16.0);
/// Portrait side: the photo's plain backdrop around the head.
pub const P_BACKDROP: [Zone; 3] = [
    (55.5, 5.5, 60.0, 24.0),
    (76.0, 5.5, 80.0, 24.0),
    (60.0, 5.5, 76.0, 9.5),
];

/// Emblem side: the national emblem.
pub const E_EMBLEM: Zone = (5.0, 5.0, 24.5, 25.0);
/// Emblem side: 中华人民共和国 / 居民身份证.
pub const E_TITLE: Zone = (29.0, 8.0, 79.0, 27.0);
/// Emblem side: 签发机关 / 有效期限 lines.
pub const E_LINES: Zone = (14.0, 39.0, 72.0, 50.0);
/// Emblem side: the validity characters.
pub const E_VALIDITY: Zone = (30.0, 45.6, 72.0, 50.4);

/// A zone `[x0, y0, x1, y1]` in half-millimetres: the zone lists below are
/// stored as bytes, not as f64 (44 bytes for 352 in the vision module; every
/// edge is a whole half-millimetre, so [`zone`] gives the same f64 exactly).
pub type HalfMm = [u8; 4];

/// Where a face has print (text rows, photo, emblem): the rest is the
/// light security background.
pub const PORTRAIT_ZONES: [HalfMm; 6] = [
    [11, 10, 60, 18],   // 姓名: 5.5, 5, 30, 9
    [11, 23, 80, 31],   // 性别 民族: 5.5, 11.5, 40, 15.5
    [11, 36, 88, 44],   // 出生: 5.5, 18, 44, 22
    [11, 49, 104, 73],  // 住址: 5.5, 24.5, 52, 36.5
    [114, 16, 158, 76], // photo (hair, face, shoulders): 57, 8, 79, 38
    [11, 89, 160, 98],  // 公民身份号码: 5.5, 44.5, 80, 49
];
/// The longer of [`PORTRAIT_ZONES`] and [`EMBLEM_ZONES`] (`classify`
/// turns either list into a buffer of this length).
pub const MAX_ZONES: usize = if PORTRAIT_ZONES.len() > EMBLEM_ZONES.len() {
    PORTRAIT_ZONES.len()
} else {
    EMBLEM_ZONES.len()
};
/// See [`PORTRAIT_ZONES`].
pub const EMBLEM_ZONES: [HalfMm; 5] = [
    [11, 11, 48, 49],   // emblem: 5.5, 5.5, 24, 24.5
    [60, 17, 156, 27],  // 中华人民共和国: 30, 8.5, 78, 13.5
    [60, 39, 152, 53],  // 居民身份证: 30, 19.5, 76, 26.5
    [28, 79, 120, 87],  // 签发机关: 14, 39.5, 60, 43.5
    [28, 92, 144, 100], // 有效期限: 14, 46, 72, 50
];

/// The zone (mm) of a half-millimetre zone.
pub fn zone(h: &HalfMm) -> Zone {
    let [x0, y0, x1, y1] = *h;
    let mm = |v: u8| f64::from(v) * 0.5;
    (mm(x0), mm(y0), mm(x1), mm(y1))
}

/// A zone list in mm, turned by 180° when `turn`, in a buffer of
/// [`MAX_ZONES`] (the first `list.len()` entries are the list's).
pub fn zones(list: &[HalfMm], turn: bool) -> [Zone; MAX_ZONES] {
    let mut out = [(0.0, 0.0, 0.0, 0.0); MAX_ZONES];
    for (o, h) in out.iter_mut().zip(list) {
        let z = zone(h);
        *o = if turn { turned(&z) } else { z };
    }
    out
}

/// True when the point (mm) lies in the zone.
pub fn inside(z: &Zone, x: f64, y: f64) -> bool {
    x >= z.0 && x < z.2 && y >= z.1 && y < z.3
}

/// The zone turned by 180° on the card.
pub fn turned(z: &Zone) -> Zone {
    (CARD.0 - z.2, CARD.1 - z.3, CARD.0 - z.0, CARD.1 - z.1)
}
