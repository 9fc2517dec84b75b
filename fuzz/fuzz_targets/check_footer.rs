//! checkFooter: the first byte picks what the page should show, the rest is the HTML.
#![no_main]
use libfuzzer_sys::fuzz_target;

const OPTIONS: [&str; 4] = [
    "",
    r#"{"icpNumber":"京ICP备16020626号-8"}"#,
    r#"{"icpNumber":"蜀ICP备12014244号-2","psbNumber":"川公网安备51010702001250号","domain":"example.cn"}"#,
    r#"{"domain":"例子.中国","locale":"en"}"#,
];

fuzz_target!(|data: &[u8]| {
    let Some((&o, html)) = data.split_first() else {
        return;
    };
    let html = String::from_utf8_lossy(html);
    let out =
        beian_check::api::check_footer(&html, OPTIONS[o as usize % OPTIONS.len()], "2026-11-27");
    assert!(out.starts_with('{'));
});
