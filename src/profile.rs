//! Provider profiles: every threshold and list the rules use, as data.
//!
//! The built-in `generic` profile is the MIIT baseline. It is assembled from
//! the JSON files under `data/profile/`, one file per section (the file's
//! stem is the section's key), so each area of the rules owns its own data.
//! Rules read their section with [`Profile::section`].

use crate::json::{self, Json};
use std::sync::{Arc, OnceLock};

/// The generic profile's sections: (key, JSON text).
const GENERIC_SECTIONS: &[(&str, &str)] = &[
    ("meta", include_str!("../data/profile/meta.json")),
    ("tlds", include_str!("../data/profile/tlds.json")),
    ("words", include_str!("../data/profile/words.json")),
    ("images", include_str!("../data/profile/images.json")),
    ("provinces", include_str!("../data/profile/provinces.json")),
];

/// A resolved profile (the generic baseline with any provider overrides applied).
#[derive(Debug)]
pub struct Profile {
    /// The profile's name (`generic` for the built-in one).
    pub name: String,
    data: Json,
}

impl Profile {
    /// The built-in generic profile.
    pub fn generic() -> Arc<Profile> {
        static GENERIC: OnceLock<Arc<Profile>> = OnceLock::new();
        GENERIC
            .get_or_init(|| {
                let sections = GENERIC_SECTIONS
                    .iter()
                    .map(|(key, text)| {
                        // The data files are tested to parse; a broken one degrades to {}.
                        (
                            key.to_string(),
                            json::parse(text).unwrap_or(Json::Obj(Vec::new())),
                        )
                    })
                    .collect();
                Arc::new(Profile {
                    name: "generic".into(),
                    data: Json::Obj(sections),
                })
            })
            .clone()
    }

    /// A section of the profile (`tlds`, `words`, `images`, …).
    pub fn section(&self, key: &str) -> Option<&Json> {
        self.data.get(key)
    }

    /// The whole profile as JSON (what `getProfile` returns).
    pub fn to_json(&self) -> &Json {
        &self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_sections_parse() {
        for (key, text) in GENERIC_SECTIONS {
            assert!(
                json::parse(text).is_ok(),
                "data/profile/{key}.json does not parse"
            );
        }
        assert_eq!(
            Profile::generic()
                .section("meta")
                .and_then(|m| m.get("name"))
                .and_then(Json::as_str),
            Some("generic")
        );
    }
}
