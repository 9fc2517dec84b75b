//! Uploaded images: header probing per format, per-slot checks from the
//! profile, and pixel-quality checks.
