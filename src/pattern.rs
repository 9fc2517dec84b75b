//! A small linear-time regular-expression engine for the field patterns of
//! provider profiles. Patterns come from configuration, so they must never
//! be able to hang a browser tab: this is a Pike VM (Thompson NFA
//! simulation), O(pattern × input) with no backtracking, and compiled
//! programs are capped in size. Hand-written because the `regex` crate
//! costs 126–281 KB gzip in wasm (landscape.md) and `regex-lite`, measured
//! here, 21.2 KB gzip; this file is about 8 KB before compression.
//!
//! Supported syntax (a subset of JavaScript/Rust regex syntax):
//! - literals (any Unicode character), `.` (any character but `\n`)
//! - classes `[abc]`, `[^a-z0-9]`, with `\d \w \s` inside
//! - escapes `\d \D \w \W \s \S \p{Han} \P{Han}` and `\` before any
//!   punctuation (`\. \( \\ …`), `\n \t`
//! - anchors `^` and `$` (whole input; no multi-line mode)
//! - groups `( … )` and `(?: … )`, alternation `|`
//! - quantifiers `* + ?` and `{n}`, `{n,}`, `{n,m}` (n, m ≤ 100); a trailing
//!   `?` (lazy) is accepted and does not change whether a pattern matches;
//!   a quantifier on a quantifier (`a**`, `a{2}{3}`) is an error, as in
//!   JavaScript

//! - the flag `(?i)` at the very start: ASCII case-insensitive
//!
//! Not supported (a clear error): back-references, look-around, `\b`, named
//! groups, other Unicode properties.

#[allow(unused_imports)]
use crate::rt::prelude::*;

/// Longest pattern accepted (characters).
pub const MAX_PATTERN: usize = 1000;
/// Largest compiled program (instructions). A match costs at most
/// program × (input characters + 1) steps ([`Pattern::cost`]): with field
/// values capped at 4096 characters one pattern costs at most ~8 M steps,
/// and the work of all patterns in one call is budgeted
/// (`check::PATTERN_WORK`). `(?:.{100}){100}` (10,001 instructions, 0.3 s
/// per 4096-character value) is refused. docs/limits.md.
pub const MAX_PROGRAM: usize = 2_000;

/// The error past [`MAX_PATTERN`] characters, written out (a test keeps
/// the number in step).
const TOO_LONG: &str = "pattern longer than 1000 characters";
/// The error past [`MAX_PROGRAM`] instructions (a test keeps it in step).
const TOO_LARGE: &str = "pattern too large: more than 2000 instructions once repeats are expanded";

#[derive(Clone, Debug, PartialEq)]
enum Inst {
    Char(char),
    Any,
    Class(Vec<(char, char)>, bool),
    Split(usize, usize),
    Jmp(usize),
    Bol,
    Eol,
    Match,
}

#[derive(Clone, Debug, PartialEq)]
enum Node {
    Empty,
    /// One instruction: a character, `.`, a class, `^` or `$`.
    Leaf(Inst),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    prog: Vec<Inst>,
    icase: bool,
}

const HAN: &[(char, char)] = &[
    ('\u{2E80}', '\u{2FDF}'),
    ('\u{3005}', '\u{3007}'),
    ('\u{3021}', '\u{3029}'),
    ('\u{3038}', '\u{303B}'),
    ('\u{3400}', '\u{4DBF}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{F900}', '\u{FAFF}'),
    ('\u{20000}', '\u{3134F}'),
];
const DIGIT: &[(char, char)] = &[('0', '9')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
const SPACE: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{A0}', '\u{A0}'),
    ('\u{3000}', '\u{3000}'),
];

/// A class escape (`\d`, `\p{Han}`, …): its ranges and whether it is negated.
type ClassSet = (&'static [(char, char)], bool);

struct Parser<'a> {
    s: &'a [char],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn err(&self, what: &str) -> String {
        cat!(what, " at position ", self.i)
    }

    fn alt(&mut self, depth: usize) -> Result<Node, String> {
        if depth > 50 {
            return Err(self.err("groups nested too deeply"));
        }
        let mut branches = vec![self.concat(depth)?];
        while self.eat('|') {
            branches.push(self.concat(depth)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn concat(&mut self, depth: usize) -> Result<Node, String> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.i;
        let mut n: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            n = n.saturating_mul(10).saturating_add(d);
            self.i += 1;
        }
        (self.i > start).then_some(n)
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                let save = self.i;
                self.i += 1;
                let Some(min) = self.number() else {
                    self.i = save;
                    return Ok(atom);
                };
                let max = if self.eat(',') {
                    self.number()
                } else {
                    Some(min)
                };
                if !self.eat('}') {
                    return Err(self.err("unclosed {"));
                }
                if min > 100 || max.is_some_and(|m| m > 100 || m < min) {
                    return Err(self.err("repetition counts must be 0 to 100, min ≤ max"));
                }
                self.i -= 1; // the shared `self.i += 1` below consumes '}'
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.i += 1;
        self.eat('?'); // lazy: same language
        if matches!(atom, Node::Leaf(Inst::Bol | Inst::Eol) | Node::Empty) {
            return Err(self.err("nothing to repeat"));
        }
        // `a**`, `a{2}{3}`: JavaScript refuses them ("nothing to repeat");
        // reading `{3}` as literal text would match something else.
        let counted =
            self.peek() == Some('{') && self.s.get(self.i + 1).is_some_and(char::is_ascii_digit);
        if matches!(self.peek(), Some('*' | '+' | '?')) || counted {
            return Err(self.err("nested quantifier"));
        }
        Ok(Node::Repeat(Box::new(atom), min, max))
    }

    fn escape_class(&mut self) -> Result<Option<ClassSet>, String> {
        let Some(c) = self.peek() else {
            return Err(self.err("trailing \\"));
        };
        self.i += 1;
        Ok(Some(match c {
            'd' => (DIGIT, false),
            'D' => (DIGIT, true),
            'w' => (WORD, false),
            'W' => (WORD, true),
            's' => (SPACE, false),
            'S' => (SPACE, true),
            'p' | 'P' => {
                if !self.eat('{') {
                    return Err(self.err("\\p needs {Han}"));
                }
                let start = self.i;
                while self.peek().is_some_and(|c| c != '}') {
                    self.i += 1;
                }
                let name = self.s.get(start..self.i).unwrap_or(&[]);
                if !self.eat('}') {
                    return Err(self.err("unclosed \\p{"));
                }
                if name != ['H', 'a', 'n']
                    && name != ['S', 'c', 'r', 'i', 'p', 't', '=', 'H', 'a', 'n']
                {
                    return Err(self.err("only \\p{Han} is supported"));
                }
                (HAN, c == 'P')
            }
            _ => {
                self.i -= 1;
                return Ok(None);
            }
        }))
    }

    fn escape_char(&mut self) -> Result<char, String> {
        let Some(c) = self.peek() else {
            return Err(self.err("trailing \\"));
        };
        self.i += 1;
        match c {
            'n' => Ok('\n'),
            't' => Ok('\t'),
            'r' => Ok('\r'),
            c if c.is_ascii_punctuation() || !c.is_ascii() => Ok(c),
            _ => {
                self.i -= 1;
                Err(self.err("unsupported escape"))
            }
        }
    }

    fn class(&mut self) -> Result<Node, String> {
        let negated = self.eat('^');
        let mut ranges: Vec<(char, char)> = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.err("unclosed ["));
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            self.i += 1;
            let lo = if c == '\\' {
                if let Some((set, neg)) = self.escape_class()? {
                    if neg {
                        return Err(self.err("negated class escapes are not supported inside [ ]"));
                    }
                    ranges.extend_from_slice(set);
                    continue;
                }
                self.escape_char()?
            } else {
                c
            };
            if self.peek() == Some('-') && self.s.get(self.i + 1).is_some_and(|c| *c != ']') {
                self.i += 1;
                let Some(h) = self.peek() else {
                    return Err(self.err("unclosed ["));
                };
                self.i += 1;
                let hi = if h == '\\' { self.escape_char()? } else { h };
                if hi < lo {
                    return Err(self.err("range out of order"));
                }
                ranges.push((lo, hi));
            } else {
                ranges.push((lo, lo));
            }
        }
        Ok(Node::Leaf(Inst::Class(ranges, negated)))
    }

    fn atom(&mut self, depth: usize) -> Result<Node, String> {
        let Some(c) = self.peek() else {
            return Err(self.err("unexpected end"));
        };
        self.i += 1;
        match c {
            '(' => {
                if self.eat('?') && !self.eat(':') {
                    return Err(self.err("only (?: ) groups are supported"));
                }
                let inner = self.alt(depth + 1)?;
                if !self.eat(')') {
                    return Err(self.err("unclosed ("));
                }
                Ok(inner)
            }
            '[' => self.class(),
            '.' => Ok(Node::Leaf(Inst::Any)),
            '^' => Ok(Node::Leaf(Inst::Bol)),
            '$' => Ok(Node::Leaf(Inst::Eol)),
            '\\' => Ok(Node::Leaf(match self.escape_class()? {
                Some((set, neg)) => Inst::Class(set.to_vec(), neg),
                None => Inst::Char(self.escape_char()?),
            })),
            '*' | '+' | '?' => {
                self.i -= 1;
                Err(self.err("nothing to repeat"))
            }
            c => Ok(Node::Leaf(Inst::Char(c))),
        }
    }
}

/// Emits the program of a [`Node`] tree. Past [`MAX_PROGRAM`] instructions
/// it sets `full` and stops emitting (the pattern is then refused), so the
/// compile steps need no error paths.
struct Compiler {
    prog: Vec<Inst>,
    full: bool,
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> usize {
        if self.prog.len() >= MAX_PROGRAM {
            self.full = true;
        } else {
            self.prog.push(inst);
        }
        self.prog.len().saturating_sub(1)
    }
    fn patch(&mut self, at: usize, inst: Inst) {
        if let Some(slot) = self.prog.get_mut(at) {
            *slot = inst;
        }
    }
    fn node(&mut self, n: &Node) {
        if self.full {
            return; // bounded work for nested repeats once the cap is hit
        }
        match n {
            Node::Empty => {}
            Node::Leaf(inst) => {
                self.emit(inst.clone());
            }
            Node::Concat(items) => {
                for item in items {
                    self.node(item);
                }
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (k, b) in branches.iter().enumerate() {
                    if k + 1 < branches.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        self.node(b);
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.prog.len();
                        self.patch(split, Inst::Split(split + 1, next));
                    } else {
                        self.node(b);
                    }
                }
                let end = self.prog.len();
                for j in jumps {
                    self.patch(j, Inst::Jmp(end));
                }
            }
            Node::Repeat(inner, min, max) => {
                for _ in 0..*min {
                    // A body that emits nothing (`(?:)`, `a{0}`) emits nothing
                    // again: stop, or nested `{100}`s of it would loop 100^depth times.
                    let before = self.prog.len();
                    self.node(inner);
                    if self.prog.len() == before {
                        break;
                    }
                }
                match max {
                    None => {
                        let split = self.emit(Inst::Split(0, 0));
                        self.node(inner);
                        self.emit(Inst::Jmp(split));
                        let end = self.prog.len();
                        self.patch(split, Inst::Split(split + 1, end));
                    }
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.emit(Inst::Split(0, 0)));
                            self.node(inner);
                        }
                        let end = self.prog.len();
                        for s in splits {
                            self.patch(s, Inst::Split(s + 1, end));
                        }
                    }
                }
            }
        }
    }
}

/// The characters of `s` (a loop, not a `collect` instantiation).
fn chars_of(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    for c in s.chars() {
        out.push(c);
    }
    out
}

fn fold(c: char, icase: bool) -> char {
    if icase {
        c.to_ascii_lowercase()
    } else {
        c
    }
}

impl Pattern {
    /// Compiles a pattern; the error says what is wrong and where.
    pub fn new(source: &str) -> Result<Pattern, String> {
        let chars = chars_of(source);
        if chars.len() > MAX_PATTERN {
            return Err(TOO_LONG.into());
        }
        let (icase, start) = if chars.starts_with(&['(', '?', 'i', ')']) {
            (true, 4)
        } else {
            (false, 0)
        };
        let mut p = Parser {
            s: &chars,
            i: start,
        };
        let node = p.alt(0)?;
        if p.i != chars.len() {
            return Err(p.err("unmatched )"));
        }
        let mut c = Compiler {
            prog: Vec::new(),
            full: false,
        };
        c.node(&node);
        c.emit(Inst::Match);
        if c.full {
            return Err(TOO_LARGE.into());
        }
        Ok(Pattern {
            prog: c.prog,
            icase,
        })
    }

    /// The most steps [`Pattern::find`] takes on `chars` characters: every
    /// instruction at most once per position (Pike VM).
    pub fn cost(&self, chars: usize) -> u64 {
        (self.prog.len() as u64).saturating_mul(chars as u64 + 1)
    }

    /// True when the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    /// The leftmost match as char offsets `[start, end)`.
    pub fn find(&self, text: &str) -> Option<(usize, usize)> {
        let chars = chars_of(text);
        let n = chars.len();
        let mut clist: Vec<(usize, usize)> = Vec::new();
        let mut nlist: Vec<(usize, usize)> = Vec::new();
        let mut seen = Vec::with_capacity(self.prog.len());
        for _ in 0..self.prog.len() {
            seen.push(usize::MAX);
        }
        let mut matched: Option<(usize, usize)> = None;
        let mut stack = Vec::new(); // the closure's stack, reused (no allocation per step)
        for i in 0..=n {
            if matched.is_none() {
                self.add(&mut clist, &mut seen, &mut stack, (i, 0, i, n));
            }
            if clist.is_empty() {
                break;
            }
            let c = chars.get(i).map(|c| fold(*c, self.icase));
            nlist.clear();
            let step = i + 1;
            for k in 0..clist.len() {
                let Some(&(pc, start)) = clist.get(k) else {
                    break;
                };
                let ok = match (self.prog.get(pc), c) {
                    (Some(Inst::Match), _) => {
                        matched = Some((start, i));
                        break;
                    }
                    (Some(Inst::Char(x)), Some(c)) => fold(*x, self.icase) == c,
                    (Some(Inst::Any), Some(c)) => c != '\n',
                    (Some(Inst::Class(r, neg)), Some(c)) => {
                        let inside = r.iter().any(|(lo, hi)| {
                            (*lo..=*hi).contains(&c)
                                || (self.icase
                                    && (fold(*lo, true)..=fold(*hi, true)).contains(&c)
                                    && lo.is_ascii_alphabetic())
                        });
                        inside != *neg
                    }
                    _ => false,
                };
                if ok {
                    self.add(&mut nlist, &mut seen, &mut stack, (step, pc + 1, start, n));
                }
            }
            core::mem::swap(&mut clist, &mut nlist);
        }
        matched
    }

    /// Adds the threads reachable from `pc` at `pos` without consuming a
    /// character; `at` is (pos, pc, start, n).
    fn add(
        &self,
        list: &mut Vec<(usize, usize)>,
        seen: &mut [usize],
        stack: &mut Vec<usize>,
        at: (usize, usize, usize, usize),
    ) {
        let (pos, pc, start, n) = at;
        // Iterative epsilon closure (explicit stack: no recursion depth limit).
        stack.clear();
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            match seen.get_mut(pc) {
                Some(s) if *s == pos => continue,
                Some(s) => *s = pos,
                None => continue,
            }
            match self.prog.get(pc) {
                Some(Inst::Jmp(x)) => stack.push(*x),
                Some(Inst::Split(x, y)) => {
                    stack.push(*y);
                    stack.push(*x);
                }
                Some(Inst::Bol) if pos == 0 => stack.push(pc + 1),
                Some(Inst::Eol) if pos == n => stack.push(pc + 1),
                Some(Inst::Bol | Inst::Eol) => {}
                Some(_) => list.push((pc, start)),
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> Option<(usize, usize)> {
        Pattern::new(p).unwrap().find(t)
    }

    #[test]
    fn basics() {
        assert_eq!(m("abc", "xxabcx"), Some((2, 5)));
        assert_eq!(m("^abc$", "abc"), Some((0, 3)));
        assert_eq!(m("^abc$", "abcd"), None);
        assert_eq!(m("a|bc", "xbc"), Some((1, 3)));
        assert_eq!(m("colou?r", "color"), Some((0, 5)));
        assert_eq!(m("\\d{3,4}", "ab12345"), Some((2, 6)));
        assert_eq!(m("[^0-9]+", "12ab3"), Some((2, 4)));
        assert_eq!(m("\\p{Han}{2}", "ab中国c"), Some((2, 4)));
        assert_eq!(m("^\\P{Han}+$", "abc"), Some((0, 3)));
        assert_eq!(m("(?i)^icp", "ICP备"), Some((0, 3)));
        assert_eq!(m("(?:ab)+", "xababx"), Some((1, 5)));
        assert_eq!(m("x*", "abc"), Some((0, 0)));
        assert_eq!(m("测试|test", "这是测试站"), Some((2, 4)));
        assert_eq!(m("a.c", "a\nc"), None);
        assert_eq!(m("[a\\-z]", "-"), Some((0, 1)));
        assert_eq!(m("\\.", "a.b"), Some((1, 2)));
    }

    #[test]
    fn errors_are_clear() {
        for bad in [
            "(",
            "a)",
            "[a",
            "*a",
            "a{2,1}",
            "a{101}",
            "\\k",
            "(?=a)",
            "\\p{Greek}",
            "a**",
            "\\",
        ] {
            let e = Pattern::new(bad).unwrap_err();
            assert!(
                e.contains("position") || e.contains("pattern"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn catastrophic_patterns_run_in_linear_time() {
        // (a*)*b and (a|a)*b backtrack exponentially in naive engines.
        let text = "a".repeat(5000);
        assert_eq!(m("(a*)*b", &text), None);
        assert_eq!(m("(a|a)*b", &text), None);
        assert_eq!(m("(a|aa){1,100}c", &text), None);
    }

    #[test]
    fn nested_repeats_of_nothing_compile_at_once() {
        // Before the fix the compiler walked 100^6 copies of the empty group:
        // this test did not finish (no timing assertion: it hangs or passes).
        let p =
            Pattern::new("(?:(?:(?:(?:(?:(?:(?:){100}){100}){100}){100}){100}){100})x").unwrap();
        assert_eq!(p.find("ax"), Some((1, 2)));
    }

    #[test]
    fn the_length_error_names_the_limit() {
        assert_eq!(
            TOO_LONG,
            format!("pattern longer than {MAX_PATTERN} characters")
        );
        assert_eq!(
            Pattern::new(&"a".repeat(MAX_PATTERN + 1)),
            Err(TOO_LONG.into())
        );
    }

    #[test]
    fn program_size_is_capped() {
        assert!(Pattern::new("(((a{100}){100}){100})").is_err());
        // Issue 17: 10,001 instructions, 0.3 s per 4096-character value.
        assert_eq!(Pattern::new("(?:.{100}){100}"), Err(TOO_LARGE.into()));
        assert_eq!(
            TOO_LARGE,
            format!(
                "pattern too large: more than {MAX_PROGRAM} instructions once repeats are expanded"
            )
        );
        let p = Pattern::new("(?:.{10}){40}").unwrap();
        assert_eq!(p.cost(4096), 401 * 4097);
    }

    #[test]
    fn a_quantified_quantifier_is_an_error_as_in_javascript() {
        // JavaScript: /a{2}{3}/ is a SyntaxError ("Nothing to repeat").
        for bad in ["a{2}{3}", "a{2}{3,}", "a*{2}", "(?:ab){2}{1,2}"] {
            let e = Pattern::new(bad).unwrap_err();
            assert!(e.contains("nested quantifier"), "{bad}: {e}");
        }
        // A brace that is no quantifier stays literal text.
        assert_eq!(m("a{x", "a{x"), Some((0, 3)));
        assert_eq!(m("a{2}{", "aa{"), Some((0, 3)));
    }
}
