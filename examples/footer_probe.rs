fn main() {
    let args: Vec<String> = std::env::args().collect();
    let html = std::io::read_to_string(std::io::stdin()).unwrap();
    println!(
        "{}",
        beian_check::api::check_footer(
            &html,
            args.get(1).map(String::as_str).unwrap_or("{}"),
            "2026-11-27"
        )
    );
}
