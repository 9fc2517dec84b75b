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

/// Where a face has print (text rows, photo, emblem): the rest is the
/// light security background.
pub const PORTRAIT_ZONES: [Zone; 6] = [
    (5.5, 5.0, 30.0, 9.0),   // 姓名
    (5.5, 11.5, 40.0, 15.5), // 性别 民族
    (5.5, 18.0, 44.0, 22.0), // 出生
    (5.5, 24.5, 52.0, 36.5), // 住址
    (57.0, 8.0, 79.0, 38.0), // photo (hair, face, shoulders)
    (5.5, 44.5, 80.0, 49.0), // 公民身份号码
];
/// The longer of [`PORTRAIT_ZONES`] and [`EMBLEM_ZONES`] (`classify`
/// turns either list into a buffer of this length).
pub const MAX_ZONES: usize = if PORTRAIT_ZONES.len() > EMBLEM_ZONES.len() {
    PORTRAIT_ZONES.len()
} else {
    EMBLEM_ZONES.len()
};
/// See [`PORTRAIT_ZONES`].
pub const EMBLEM_ZONES: [Zone; 5] = [
    (5.5, 5.5, 24.0, 24.5),   // emblem
    (30.0, 8.5, 78.0, 13.5),  // 中华人民共和国
    (30.0, 19.5, 76.0, 26.5), // 居民身份证
    (14.0, 39.5, 60.0, 43.5), // 签发机关
    (14.0, 46.0, 72.0, 50.0), // 有效期限
];

/// True when the point (mm) lies in the zone.
pub fn inside(z: &Zone, x: f64, y: f64) -> bool {
    x >= z.0 && x < z.2 && y >= z.1 && y < z.3
}

/// The zone turned by 180° on the card.
pub fn turned(z: &Zone) -> Zone {
    (CARD.0 - z.2, CARD.1 - z.3, CARD.0 - z.0, CARD.1 - z.1)
}
