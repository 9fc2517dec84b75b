use beian_check::json;
use beian_check::{check_field, Date, Options};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kind = &args[1];
    let opts_json = json::parse(args.get(2).map(String::as_str).unwrap_or("{}")).unwrap();
    let opts = Options::from_json(&opts_json, Date::parse("2026-11-27").unwrap()).unwrap();
    let stdin = std::io::read_to_string(std::io::stdin()).unwrap();
    for line in stdin.lines() {
        let r = check_field(kind, line, &opts).unwrap();
        let out = beian_check::output::field_result_json(&r, opts.locale);
        let v = json::parse(&out).unwrap();
        let codes: Vec<String> = v
            .get("findings")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let c = f.get("code").unwrap().as_str().unwrap().to_string();
                let fix = f
                    .get("fix")
                    .and_then(|x| x.as_str())
                    .map(|x| format!(" fix={x}"))
                    .unwrap_or_default();
                let sp = f
                    .get("span")
                    .map(|x| format!(" span={}", x.to_text()))
                    .unwrap_or_default();
                format!(
                    "{c}{fix}{sp} «{}»",
                    f.get("message").unwrap().as_str().unwrap()
                )
            })
            .collect();
        println!(
            "{line:?} ok={} value={:?} info={}\n    {}",
            r.ok(),
            r.value,
            v.get("info").map(|i| i.to_text()).unwrap_or_default(),
            codes.join("\n    ")
        );
    }
}
