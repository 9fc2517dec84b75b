//! The website side of a filing: domains, website names, ICP and 公网安备
//! numbers, server IPs, and the footer check.

#[allow(unused_imports)]
use crate::rt::prelude::*;

pub mod domain;
pub mod filing_number;
pub mod footer;
pub mod html;
pub mod ip;
pub mod psb_number;
pub mod punycode;
pub mod website_name;
