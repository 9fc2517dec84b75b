//! Contact fields: mobile and landline numbers, e-mail, person names.

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod email;
pub mod landline;
pub mod mobile;
pub mod person_name;
