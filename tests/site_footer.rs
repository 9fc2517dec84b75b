//! checkFooter: numbers found across tags and entities, link targets,
//! expected numbers, spans into the HTML, and the JSON surface.

use beian_check::api;
use beian_check::json::{self, Json};
use beian_check::site::footer::{check_footer, FooterExpect};
use beian_check::{Date, InfoValue, Options};

fn opts() -> Options {
    Options::on(Date::parse("2026-11-27").unwrap())
}

fn codes(html: &str, expect: FooterExpect) -> Vec<String> {
    let mut v: Vec<String> = check_footer(html, &opts(), expect)
        .findings
        .into_iter()
        .map(|f| f.code)
        .collect();
    v.sort();
    v
}

fn list(r: &beian_check::FieldResult, key: &str) -> Vec<String> {
    match r.get_info(key) {
        Some(InfoValue::List(v)) => v.clone(),
        other => panic!("{key}: {other:?}"),
    }
}

const GOOD: &str = r#"<footer><p>&copy; 2026 示例 | <a href="https://beian.miit.gov.cn/" target="_blank">京ICP备<span>16020626</span>号-8</a></p>
<p><a target="_blank" href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"><img src="/ga.png">京公网安备 11010502030143号</a></p></footer>"#;

#[test]
fn a_correct_footer_passes_with_the_numbers_listed() {
    let expect = FooterExpect {
        icp_number: Some("京ICP备16020626号-8".into()),
        psb_number: Some("京公网安备11010502030143号".into()),
        domain: None,
    };
    let r = check_footer(GOOD, &opts(), expect);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(list(&r, "icpNumbers"), ["京ICP备16020626号-8"]);
    assert_eq!(list(&r, "psbNumbers"), ["京公网安备11010502030143号"]);
}

#[test]
fn text_split_across_tags_and_entities_is_found() {
    let html = "<a href=\"http://beian.miit.gov.cn/#/Integrated/index\">京<b>ICP</b>&#22791;2019036842&#21495;-1</a>";
    let r = check_footer(html, &opts(), FooterExpect::default());
    assert_eq!(list(&r, "icpNumbers"), ["京ICP备2019036842号-1"]);
    assert!(r.ok(), "{:?}", r.findings);
}

#[test]
fn scripts_and_comments_are_not_page_text() {
    let html = "<script>var a='京ICP备16020626号'</script><!-- 京ICP备16020626号 --><p>hi</p>";
    assert_eq!(
        codes(html, FooterExpect::default()),
        ["footer.icp_missing", "footer.psb_absent"]
    );
}

#[test]
fn icp_link_targets() {
    let unlinked = "<p>京ICP备16020626号-8</p>";
    assert!(codes(unlinked, FooterExpect::default()).contains(&"footer.icp_not_linked".to_string()));
    let old = r#"<a href="http://www.miibeian.gov.cn">京ICP备16020626号-8</a>"#;
    let r = check_footer(old, &opts(), FooterExpect::default());
    assert!(r.ok());
    assert!(r.has("footer.icp_link_old"));
    let wrong = r#"<a href="https://example.com/beian.miit.gov.cn">京ICP备16020626号-8</a>"#;
    let r = check_footer(wrong, &opts(), FooterExpect::default());
    assert!(r.has("footer.icp_link_wrong") && !r.ok());
    // The span of a link finding is the opening <a> tag in the HTML.
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "footer.icp_link_wrong")
        .unwrap();
    let tag_end = wrong.find('>').unwrap() as u32 + 1;
    assert_eq!(f.span, Some((0, tag_end)));
}

#[test]
fn psb_link_must_carry_the_same_digits() {
    let ok = r#"<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=51010702001250">川公网安备 51010702001250号</a><a href="https://beian.miit.gov.cn">蜀ICP备12014244号-2</a>"#;
    assert!(codes(ok, FooterExpect::default()).is_empty());
    let bad = ok.replace("recordcode=51010702001250", "recordcode=51010702001251");
    assert_eq!(
        codes(&bad, FooterExpect::default()),
        ["footer.psb_link_mismatch"]
    );
    let unlinked =
        r#"<a href="https://beian.miit.gov.cn">蜀ICP备12014244号-2</a> 川公网安备51010702001250号"#;
    assert_eq!(
        codes(unlinked, FooterExpect::default()),
        ["footer.psb_not_linked"]
    );
}

#[test]
fn expected_numbers_must_be_shown() {
    let expect = |icp: &str, psb: &str| FooterExpect {
        icp_number: Some(icp.into()),
        psb_number: Some(psb.into()),
        domain: None,
    };
    assert_eq!(
        codes(
            GOOD,
            expect("京ICP备16020627号-8", "京公网安备11010502030143号")
        ),
        ["footer.icp_expected_missing"]
    );
    assert_eq!(
        codes(
            GOOD,
            expect("京ICP备16020626号-8", "京公网安备11010502030144号")
        ),
        ["footer.psb_expected_missing"]
    );
    // The subject number alone: a warning outside Guangdong, fine in Guangdong.
    let subject_only = r#"<a href="https://beian.miit.gov.cn/">京ICP备16020626号</a>"#;
    assert_eq!(
        codes(
            subject_only,
            FooterExpect {
                icp_number: Some("京ICP备16020626号-8".into()),
                ..Default::default()
            }
        ),
        ["footer.icp_subject_only", "footer.psb_absent"]
    );
    let gd = r#"<a href="https://beian.miit.gov.cn/">粤ICP备2026057758号</a>"#;
    assert_eq!(
        codes(
            gd,
            FooterExpect {
                icp_number: Some("粤ICP备2026057758号-2".into()),
                ..Default::default()
            }
        ),
        ["footer.psb_absent"]
    );
}

#[test]
fn malformed_numbers_on_the_page_are_reported_at_their_place() {
    let html = r#"<div><a href="https://beian.miit.gov.cn">滇ICP备09010050-5号</a> 云公网安备36010902000181号</div>"#;
    let r = check_footer(html, &opts(), FooterExpect::default());
    let order = r
        .findings
        .iter()
        .find(|f| f.code == "icp.suffix_order")
        .unwrap();
    assert_eq!(order.fix, None, "a fix is for a field, not for HTML");
    let (a, b) = order.span.unwrap();
    let u: Vec<u16> = html.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&u[a as usize..b as usize]).unwrap(),
        "-5号"
    );
    assert!(r.has("psb.province_code"));
    assert_eq!(list(&r, "icpNumbers"), ["滇ICP备09010050号-5"]);
}

#[test]
fn json_surface_reads_the_extra_options() {
    let out = api::check_footer(
        GOOD,
        r#"{"icpNumber":"京ICP备1号","locale":"en"}"#,
        "2026-11-27",
    );
    let v = json::parse(&out).unwrap();
    let f = &v.get("findings").and_then(Json::as_array).unwrap()[0];
    assert_eq!(
        f.get("code").and_then(Json::as_str),
        Some("footer.icp_expected_invalid")
    );
    let nums = v
        .get("info")
        .and_then(|i| i.get("icpNumbers"))
        .and_then(Json::as_array)
        .unwrap();
    assert_eq!(nums.len(), 1);
    let bad = api::check_footer(GOOD, r#"{"icpNumber":5}"#, "2026-11-27");
    assert!(
        bad.contains("typeError") && bad.contains("icpNumber"),
        "{bad}"
    );
}

#[test]
fn junk_html_never_panics() {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let alphabet: Vec<char> = "<>/=\"'&#;a 京ICP备号公网安备0123456789-xhref"
        .chars()
        .collect();
    for len in 0..300 {
        let mut s = String::new();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let r = check_footer(&s, &opts(), FooterExpect::default());
        let n = s.encode_utf16().count() as u32;
        for f in &r.findings {
            if let Some((a, b)) = f.span {
                assert!(a <= b && b <= n, "{s:?}: {} {a}..{b}", f.code);
            }
        }
    }
}

#[test]
fn telecom_licences_are_listed_and_checked() {
    let html = format!(
        "{GOOD}<p>增值电信业务经营许可证：粤B2-20090059 · 皖B1.B2-20070020-3 · B2-20080101</p>\
         <p>型号 XB2-20090059A（not a licence）, 辽B2-2009005 (7 digits: not one either)</p>"
    );
    let r = check_footer(&html, &opts(), FooterExpect::default());
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(
        list(&r, "licenceNumbers"),
        ["粤B2-20090059", "皖B1.B2-20070020-3", "B2-20080101"]
    );
    assert!(
        r.value
            .ends_with("粤B2-20090059 皖B1.B2-20070020-3 B2-20080101"),
        "{}",
        r.value
    );
    // The licence's own checks, at its place in the HTML.
    let html = "<p>经营许可证：粤B2-20290059</p>";
    let r = check_footer(html, &opts(), FooterExpect::default());
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "icp.year_future")
        .expect("year_future");
    let (a, b) = f.span.expect("a span"); // UTF-16 units into the HTML
    let units: Vec<u16> = html.encode_utf16().collect();
    let shown = String::from_utf16(units.get(a as usize..b as usize).unwrap()).unwrap();
    assert_eq!(shown, "2029");
    // A page without a licence has no licenceNumbers (the key is absent, as before).
    let r = check_footer(GOOD, &opts(), FooterExpect::default());
    assert!(r.get_info("licenceNumbers").is_none());
}

/// A footer number missing its 号 before the `-N` suffix gets the same
/// certain correction as one without a suffix (issue 16 item 7).
#[test]
fn footer_number_missing_hao_before_suffix_gets_the_fix() {
    for (number, want) in [
        ("京ICP备16020626", "京ICP备16020626号"),
        ("京ICP备16020626-3", "京ICP备16020626号-3"),
    ] {
        let html = format!(r#"<a href="https://beian.miit.gov.cn/">{number}</a>"#);
        let r = check_footer(&html, &opts(), FooterExpect::default());
        // The footer has no whole-field fix (it would replace the HTML):
        // the corrected number is the message's {value}.
        let f = r.findings.iter().find(|f| f.code == "icp.missing_hao");
        let value = f.and_then(|f| f.params.iter().find(|(k, _)| *k == "value"));
        assert_eq!(
            value.map(|(_, v)| v.as_str()),
            Some(want),
            "{number}: {:?}",
            r.findings
        );
    }
}
