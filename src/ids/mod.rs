//! Identity and organisation numbers: one file per document
//! (resident ID, residence permits, foreigner permanent-residence ID,
//! travel permits, passports, USCC, organisation code, registration number).
