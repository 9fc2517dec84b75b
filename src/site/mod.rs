//! The website side of a filing: domains, website names, ICP and 公网安备
//! numbers, server IPs, and the footer check.
