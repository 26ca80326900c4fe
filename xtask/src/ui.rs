//! Output for people: colour only on a terminal, a progress bar, ticks.

use std::io::IsTerminal;
use std::sync::OnceLock;

fn colour_enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED
        .get_or_init(|| std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal())
}

fn paint(code: &str, text: &str) -> String {
    if colour_enabled() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

pub fn green(text: &str) -> String {
    paint("32", text)
}

pub fn red(text: &str) -> String {
    paint("31", text)
}

pub fn yellow(text: &str) -> String {
    paint("33", text)
}

pub fn bold(text: &str) -> String {
    paint("1", text)
}

pub fn dim(text: &str) -> String {
    paint("2", text)
}

pub fn pass_mark() -> String {
    green("✓")
}

pub fn fail_mark() -> String {
    red("✗")
}

/// `[######··············]  3/8`
pub fn progress_bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0);
    format!(
        "[{}{}] {done}/{total}",
        green(&"#".repeat(filled)),
        dim(&"·".repeat(width - filled))
    )
}

/// Indents every line of `text` by `by` spaces.
/// Wraps each line of `text` at word boundaries to lines of at most
/// `width` characters; line breaks already there stay (a list stays a list).
pub fn wrap(text: &str, width: usize) -> String {
    text.lines()
        .map(|paragraph| {
            let mut lines = Vec::new();
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                if !line.is_empty() && line.len() + 1 + word.len() > width {
                    lines.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            lines.push(line);
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn indent(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .map(|line| format!("{pad}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(wrap("one two three four", 9), "one two\nthree\nfour");
        assert_eq!(wrap("- one two\n- three", 7), "- one\ntwo\n- three");
    }

    #[test]
    fn the_bar_fills_in_proportion() {
        // Tests do not run on a terminal, so there is no colour to strip.
        assert_eq!(progress_bar(3, 8, 8), "[###·····] 3/8");
        assert_eq!(progress_bar(0, 0, 4), "[····] 0/0");
    }
}
