//! An organisation's website name against its own name (rules.md §3.1):
//! the name should be the subject's name or an abbreviation of it;
//! otherwise some provinces want a trademark certificate (HW-KB doc_0019),
//! and a project or product name should be explained in the remark
//! ("XXXX为本公司的项目/产品", TC-CN). Which provinces is not sourced, and
//! "related" is a heuristic, so the finding is a warning.

use crate::site::website_name::is_han;
use crate::text::{contains, has};

/// Characters that say nothing about whose site it is: legal forms, "site",
/// "official", "China", administrative levels and the trade words most
/// company names carry. Two names sharing only these are not related.
const GENERIC: &str = "有限责任股份公司集团网站官方中国省市县区科技术信息络服务";

/// Remark words that explain a name which is not the subject's own.
const EXPLAINED: [&str; 4] = ["项目", "产品", "商标", "品牌"];

fn telling(c: char) -> bool {
    is_han(c) && !has(GENERIC, c)
}

/// True when two telling characters of `site` occur in the same order in
/// `subject` ("北大官网" and "北京大学", "阿里云" and "阿里巴巴…"), or when
/// `subject` has fewer than two telling characters (a name in Latin
/// letters, say: nothing to compare).
pub fn related(site: &str, subject: &str) -> bool {
    let mut count = 0;
    for c in subject.chars() {
        count += usize::from(telling(c));
    }
    if count < 2 {
        return true;
    }
    let mut buf = [0; 4];
    for (i, first) in site.char_indices() {
        if !telling(first) {
            continue;
        }
        let first = first.encode_utf8(&mut buf);
        let Some(at) = crate::text::find(subject, first) else {
            continue;
        };
        let after = subject.get(at + first.len()..).unwrap_or("");
        for c in site.get(i + first.len()..).unwrap_or("").chars() {
            if telling(c) && has(after, c) {
                return true;
            }
        }
    }
    false
}

/// True when the remark says what the name is (a project, a product, a trademark).
pub fn explained(remark: Option<&str>) -> bool {
    remark.is_some_and(|r| EXPLAINED.iter().any(|w| contains(r, w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations_are_related() {
        let ali = "杭州阿里巴巴网络技术有限公司";
        assert!(related("阿里云", ali));
        assert!(related("阿里巴巴官网", ali));
        assert!(related("北大官网", "北京大学"));
        assert!(related("清华大学门户", "清华大学"));
        assert!(related("腾讯网", "深圳市腾讯计算机系统有限公司"));
    }

    #[test]
    fn product_names_and_generic_words_are_not() {
        let ali = "杭州阿里巴巴网络技术有限公司";
        assert!(!related("淘宝网", ali));
        // only generic characters in common
        assert!(!related("科技资讯网", "北京某某科技有限公司"));
        assert!(!related("中国服务网", "中国某某服务有限公司"));
        // one telling character is not enough, and order matters
        assert!(!related("巴山夜雨", ali));
        assert!(!related("巴里岛旅游", "阿里巴巴"));
    }

    #[test]
    fn nothing_to_compare_is_not_a_finding() {
        assert!(related("淘宝网", "Acme Ltd."));
        assert!(related("淘宝网", "有限公司"));
        assert!(related("淘宝网", ""));
    }

    #[test]
    fn remarks_that_explain_the_name() {
        assert!(explained(Some("淘宝网为本公司的产品")));
        assert!(explained(Some("本公司注册商标")));
        assert!(!explained(Some("电子商务网站")));
        assert!(!explained(None));
    }
}
