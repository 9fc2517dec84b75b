//! Contact fields: mobile and landline numbers, e-mail, person names.

pub mod email;
pub mod landline;
pub mod mobile;
pub mod person_name;
