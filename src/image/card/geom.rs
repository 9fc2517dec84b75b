//! Plane geometry for the card: points, lines, homographies and the
//! rectangle aspect ratio of a projected quadrilateral. Everything is plain
//! f64 arithmetic (core has no `sin`/`cos`/`atan2`; the few needed here are
//! short polynomials, accurate to ~1e-6, identical natively and in wasm).

#[allow(unused_imports)]
use crate::rt::prelude::*;

/// A point in pixels (x right, y down).
pub type Pt = (f64, f64);

/// Corner `i` of a quad, counted round it (`i` mod 4: the corner after the
/// last is the first). A match, not `q[i % 4]`, so no index can panic.
pub fn at<T: Copy>(q: &[T; 4], i: usize) -> T {
    let [a, b, c, d] = *q;
    match i % 4 {
        0 => a,
        1 => b,
        2 => c,
        _ => d,
    }
}

/// π.
pub const PI: f64 = core::f64::consts::PI;

/// `sin x` for any finite x (range reduction to [−π/2, π/2], then Taylor to x^15).
pub fn sin(x: f64) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let two_pi = 2.0 * PI;
    let mut r = x - two_pi * floor(x / two_pi); // [0, 2π)
    if r > PI {
        r -= two_pi; // (−π, π]
    }
    if r > PI / 2.0 {
        r = PI - r;
    } else if r < -PI / 2.0 {
        r = -PI - r;
    }
    let r2 = r * r;
    let mut term = r;
    let mut sum = r;
    for k in 1..9 {
        let k = f64::from(k);
        term *= -r2 / ((2.0 * k) * (2.0 * k + 1.0));
        sum += term;
    }
    sum
}

/// `cos x`.
pub fn cos(x: f64) -> f64 {
    sin(x + PI / 2.0)
}

/// `floor x` (core lacks it).
pub fn floor(x: f64) -> f64 {
    let t = crate::rt::trunc(x);
    if t > x {
        t - 1.0
    } else {
        t
    }
}

/// `atan2(y, x)` in (−π, π], max error ~1e-5 rad (argument reduction to
/// [0, 1] and a degree-11 odd minimax-style series).
pub fn atan2(y: f64, x: f64) -> f64 {
    let (ax, ay) = (x.abs(), y.abs());
    if ax == 0.0 && ay == 0.0 {
        return 0.0;
    }
    let (t, swap) = if ay > ax {
        (ax / ay, true)
    } else {
        (ay / ax, false)
    };
    // atan on [0, 1]: reduce once more around tan(π/8).
    let a = atan01(t);
    let mut r = if swap { PI / 2.0 - a } else { a };
    if x < 0.0 {
        r = PI - r;
    }
    if y < 0.0 {
        -r
    } else {
        r
    }
}

fn atan01(t: f64) -> f64 {
    // atan t = π/8 + atan((t − c)/(1 + t c)), c = tan(π/8); |arg| ≤ 0.42.
    let c = 0.414_213_562_373_095_1;
    let u = (t - c) / (1.0 + t * c);
    let u2 = u * u;
    let mut term = u;
    let mut sum = u;
    for k in 1..14 {
        term *= -u2;
        sum += term / f64::from(2 * k + 1);
    }
    PI / 8.0 + sum
}

/// A line `a·x + b·y = c` with `a² + b² = 1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Unit normal x.
    pub a: f64,
    /// Unit normal y.
    pub b: f64,
    /// Offset.
    pub c: f64,
}

impl Line {
    /// The line with normal angle `theta` at distance `rho` from the origin.
    pub fn polar(theta: f64, rho: f64) -> Line {
        Line {
            a: cos(theta),
            b: sin(theta),
            c: rho,
        }
    }
    /// Signed distance of a point.
    pub fn dist(&self, p: Pt) -> f64 {
        self.a * p.0 + self.b * p.1 - self.c
    }
    /// Intersection with another line (`None` when nearly parallel).
    pub fn meet(&self, o: &Line) -> Option<Pt> {
        let det = self.a * o.b - self.b * o.a;
        if det.abs() < 1e-6 {
            return None;
        }
        Some((
            (self.c * o.b - self.b * o.c) / det,
            (self.a * o.c - self.c * o.a) / det,
        ))
    }
    /// The total-least-squares line through weighted points (`None` for
    /// fewer than two distinct points).
    pub fn fit(points: &[(f64, f64, f64)]) -> Option<Line> {
        let (mut sw, mut sx, mut sy) = (0.0, 0.0, 0.0);
        for &(x, y, w) in points {
            sw += w;
            sx += w * x;
            sy += w * y;
        }
        if sw <= 0.0 || points.len() < 2 {
            return None;
        }
        let (mx, my) = (sx / sw, sy / sw);
        let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
        for &(x, y, w) in points {
            let (dx, dy) = (x - mx, y - my);
            sxx += w * dx * dx;
            sxy += w * dx * dy;
            syy += w * dy * dy;
        }
        // Direction of largest spread: angle φ with tan 2φ = 2sxy/(sxx−syy).
        let phi = 0.5 * atan2(2.0 * sxy, sxx - syy);
        let (a, b) = (-sin(phi), cos(phi));
        if sxx + syy <= 0.0 {
            return None;
        }
        Some(Line {
            a,
            b,
            c: a * mx + b * my,
        })
    }
}

/// Euclidean distance. Called, not inlined: its square root is six
/// unrolled Newton steps (~200 B of wasm at each inlined use; refine.rs
/// had its own called copy for that); its callers measure a few sides each.
#[inline(never)]
pub fn dist(p: Pt, q: Pt) -> f64 {
    crate::rt::sqrt((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1))
}

/// A 3 × 3 homography, row-major, mapping (u, v) to (x, y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Homography(pub [f64; 9]);

impl Homography {
    /// The homography taking the rectangle `(0,0) (w,0) (w,h) (0,h)` to the
    /// quad `q` (same order). `None` when the quad is degenerate.
    pub fn from_rect(w: f64, h: f64, q: &[Pt; 4]) -> Option<Homography> {
        // Square-to-quad (Heckbert 1989), then scale the square to w × h.
        let [(x0, y0), (x1, y1), (x2, y2), (x3, y3)] = *q;
        let (dx1, dx2, dx3) = (x1 - x2, x3 - x2, x0 - x1 + x2 - x3);
        let (dy1, dy2, dy3) = (y1 - y2, y3 - y2, y0 - y1 + y2 - y3);
        let den = dx1 * dy2 - dx2 * dy1;
        if den.abs() < 1e-9 || w <= 0.0 || h <= 0.0 {
            return None;
        }
        let g = (dx3 * dy2 - dx2 * dy3) / den;
        let hh = (dx1 * dy3 - dx3 * dy1) / den;
        let m = [
            (x1 - x0 + g * x1) / w,
            (x3 - x0 + hh * x3) / h,
            x0,
            (y1 - y0 + g * y1) / w,
            (y3 - y0 + hh * y3) / h,
            y0,
            g / w,
            hh / h,
            1.0,
        ];
        m.iter().all(|v| v.is_finite()).then_some(Homography(m))
    }
    /// Maps a point (`None` behind the camera / at infinity). Called, not
    /// inlined: its callers map a few corners each (rectify does its own
    /// arithmetic per sample), and the copies cost ~160 B of wasm.
    #[inline(never)]
    pub fn map(&self, u: f64, v: f64) -> Option<Pt> {
        let m = &self.0;
        let z = m[6] * u + m[7] * v + m[8];
        if z.abs() < 1e-12 {
            return None;
        }
        Some((
            (m[0] * u + m[1] * v + m[2]) / z,
            (m[3] * u + m[4] * v + m[5]) / z,
        ))
    }
    /// The inverse map, (x, y) to (u, v): the adjugate (the inverse up to
    /// the determinant's scale, which a homography ignores). For the tools
    /// and tests (the analysis itself maps card to image only).
    pub fn inverse(&self) -> Homography {
        let m = &self.0;
        Homography([
            m[4] * m[8] - m[5] * m[7],
            m[2] * m[7] - m[1] * m[8],
            m[1] * m[5] - m[2] * m[4],
            m[5] * m[6] - m[3] * m[8],
            m[0] * m[8] - m[2] * m[6],
            m[2] * m[3] - m[0] * m[5],
            m[3] * m[7] - m[4] * m[6],
            m[1] * m[6] - m[0] * m[7],
            m[0] * m[4] - m[1] * m[3],
        ])
    }
}

/// Width / height of the rectangle whose projection is `q` (TL, TR, BR, BL),
/// assuming square pixels and the principal point at `centre` (Zhang & He,
/// "Whiteboard scanning and image enhancement", Digital Signal Processing
/// 17 (2007)); falls back to the affine estimate when the focal length
/// cannot be recovered (near-fronto-parallel views).
pub fn rect_aspect(q: &[Pt; 4], centre: Pt) -> f64 {
    let p = |i: usize| {
        let (x, y) = at(q, i);
        [x - centre.0, y - centre.1, 1.0]
    };
    // Zhang & He number m1 = TL, m2 = TR, m3 = BL, m4 = BR.
    let (m1, m2, m3, m4) = (p(0), p(1), p(3), p(2));
    let cross = |a: [f64; 3], b: [f64; 3]| {
        [
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0],
        ]
    };
    let dot = |a: [f64; 3], b: [f64; 3]| a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    let affine = || {
        let top = dist(q[0], q[1]) + dist(q[3], q[2]);
        let side = dist(q[0], q[3]) + dist(q[1], q[2]);
        if side > 0.0 {
            top / side
        } else {
            0.0
        }
    };
    let d2 = dot(cross(m2, m4), m3);
    let d3 = dot(cross(m3, m4), m2);
    if d2.abs() < 1e-9 || d3.abs() < 1e-9 {
        return affine();
    }
    let k2 = dot(cross(m1, m4), m3) / d2;
    let k3 = dot(cross(m1, m4), m2) / d3;
    let n2 = [k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 - 1.0];
    let n3 = [k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 - 1.0];
    let nz = n2[2] * n3[2];
    // Near-affine: the focal length is ill-conditioned.
    if nz.abs() < 1e-7 {
        return affine();
    }
    let f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / nz;
    if f2.is_nan() || f2 <= 0.0 || !f2.is_finite() {
        return affine();
    }
    let a = (n2[0] * n2[0] + n2[1] * n2[1]) / f2 + n2[2] * n2[2];
    let b = (n3[0] * n3[0] + n3[1] * n3[1]) / f2 + n3[2] * n3[2];
    if b <= 0.0 {
        return affine();
    }
    let r = crate::rt::sqrt(a / b);
    // An implausible focal length (tiny) means the estimate is noise.
    if r.is_finite() && r > 0.0 {
        r
    } else {
        affine()
    }
}

/// Twice the signed area of a polygon (positive = clockwise in image
/// coordinates, y down).
pub fn area2(q: &[Pt; 4]) -> f64 {
    let mut s = 0.0;
    for i in 0..4 {
        let (a, b) = (at(q, i), at(q, i + 1));
        s += a.0 * b.1 - b.0 * a.1;
    }
    s
}

/// True when the quad is convex with every turn in the same direction.
pub fn convex(q: &[Pt; 4]) -> bool {
    let mut sign = 0.0;
    for i in 0..4 {
        let (a, b, c) = (at(q, i), at(q, i + 1), at(q, i + 2));
        let z = (b.0 - a.0) * (c.1 - b.1) - (b.1 - a.1) * (c.0 - b.0);
        if z == 0.0 || (sign != 0.0 && z * sign < 0.0) {
            return false;
        }
        sign = z;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trig_matches_std() {
        for i in -400..400 {
            let x = f64::from(i) * 0.037;
            assert!((sin(x) - x.sin()).abs() < 1e-9, "sin {x}");
            assert!((cos(x) - x.cos()).abs() < 1e-9, "cos {x}");
            let (y, z) = (x.sin() * 3.0, x.cos() - 0.2);
            assert!((atan2(y, z) - y.atan2(z)).abs() < 1e-6, "atan2 {y} {z}");
        }
        assert_eq!(floor(-1.5), -2.0);
        assert_eq!(floor(2.0), 2.0);
    }

    #[test]
    fn homography_maps_corners() {
        let q = [(10.0, 20.0), (300.0, 40.0), (280.0, 220.0), (30.0, 190.0)];
        let h = Homography::from_rect(85.6, 54.0, &q).unwrap();
        for (uv, p) in [(0.0, 0.0), (85.6, 0.0), (85.6, 54.0), (0.0, 54.0)]
            .iter()
            .zip(q)
        {
            let m = h.map(uv.0, uv.1).unwrap();
            assert!(dist(m, p) < 1e-6);
        }
        let sq = [(0.0, 0.0), (1586.0, 0.0), (1586.0, 1000.0), (0.0, 1000.0)];
        assert!((rect_aspect(&sq, (793.0, 500.0)) - 1.586).abs() < 1e-3);
    }

    #[test]
    fn line_fit_and_meet() {
        let pts: Vec<(f64, f64, f64)> = (0..10)
            .map(|i| (f64::from(i), 2.0 * f64::from(i) + 1.0, 1.0))
            .collect();
        let l = Line::fit(&pts).unwrap();
        for &(x, y, _) in &pts {
            assert!(l.dist((x, y)).abs() < 1e-9);
        }
        let v = Line {
            a: 1.0,
            b: 0.0,
            c: 3.0,
        };
        let p = l.meet(&v).unwrap();
        assert!(dist(p, (3.0, 7.0)) < 1e-9);
    }
}
