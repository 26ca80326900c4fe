//! The compiler's errors as the learner sees them: rustc's own rendering of
//! the first error (code span, `help:` and `note:` lines), the course's note
//! when the error is a trap that Python habits lead into, and one line for
//! each of the rest.
//!
//! The notes are data, in `xtask/compiler-notes.toml`: an error code (and,
//! for codes as broad as E0277, words its message must contain), the way out
//! the course teaches, and the book section that explains it.

use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

use std::path::Path;

use crate::{learner::book, ui};

/// What cargo reported when the package did not compile.
#[derive(Debug, Clone, Default)]
pub struct CompileErrors {
    /// rustc's errors, in the order it gave them.
    pub errors: Vec<CompileError>,
    /// The end of cargo's own output, for failures that are not rustc's
    /// (a broken manifest, a missing file).
    pub cargo_said: String,
}

/// One error diagnostic from cargo's `--message-format json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// `E0373`, when rustc gave the error a code.
    pub code: Option<String>,
    /// The headline: "closure may outlive the current function, ...".
    pub message: String,
    /// `path:line:column` of the primary span.
    pub location: Option<String>,
    /// rustc's full human rendering, code spans and `help:` lines included.
    pub rendered: String,
}

impl CompileError {
    /// `path:line:column: error[E0373]: message`, on one line.
    pub fn one_line(&self) -> String {
        let code = self
            .code
            .as_ref()
            .map(|code| format!("[{code}]"))
            .unwrap_or_default();
        match &self.location {
            Some(location) => format!("{location}: error{code}: {}", self.message),
            None => format!("error{code}: {}", self.message),
        }
    }
}

impl CompileErrors {
    /// What `check` and `watch` show: the first error as rustc rendered it,
    /// the course's notes for it, and a line for each further error (up to
    /// five); with `verbose`, every error in full and cargo's own output.
    pub fn report(&self, root: &Path, verbose: bool) -> String {
        let Some(first) = self.errors.first() else {
            return self.cargo_said.clone();
        };
        let mut out = String::new();
        if verbose {
            for error in &self.errors {
                out.push_str(error.rendered.trim_end());
                out.push_str("\n\n");
            }
            out.push_str(&self.cargo_said);
            return out;
        }
        out.push_str(first.rendered.trim_end());
        out.push('\n');
        for note in notes_for(first) {
            out.push_str(&format!(
                "\n{}\n{}\n  {}\n",
                ui::bold("The course's note on this error:"),
                ui::indent(&ui::wrap(&note.note, 76), 2),
                ui::dim(&format!(
                    "read more: {}",
                    book::where_to_read(root, &note.book)
                ))
            ));
        }
        let rest = &self.errors[1..];
        if !rest.is_empty() {
            out.push_str(&format!(
                "\n{} more error{} (often the first one's echo; fix it and build again):\n",
                rest.len(),
                if rest.len() == 1 { "" } else { "s" }
            ));
            for error in rest.iter().take(5) {
                out.push_str(&format!("  {}\n", error.one_line()));
            }
            if rest.len() > 5 {
                out.push_str(&format!("  … and {} more\n", rest.len() - 5));
            }
        }
        out.push_str(&ui::dim(
            "(every error in full, and cargo's own output: add --verbose)",
        ));
        out
    }
}

/// One line per error: what a report of many builds (mutants, verify) lists.
impl fmt::Display for CompileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.errors.is_empty() {
            return f.write_str(&self.cargo_said);
        }
        let lines: Vec<String> = self
            .errors
            .iter()
            .take(8)
            .map(CompileError::one_line)
            .collect();
        f.write_str(&lines.join("\n"))
    }
}

/// The course's way out of one kind of compiler error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The error code it applies to.
    pub code: String,
    /// Words the error's message must contain, when the code alone is too
    /// broad (E0277 is every unmet trait bound).
    #[serde(default)]
    pub when: Option<String>,
    pub note: String,
    /// The book page and section that explain it: `ch01-threads.html#...`.
    pub book: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotesFile {
    note: Vec<Note>,
}

/// The notes of `compiler-notes.toml` (checked by a test, so parsing it
/// cannot fail in a learner's hands).
pub fn notes() -> &'static [Note] {
    static NOTES: OnceLock<Vec<Note>> = OnceLock::new();
    NOTES.get_or_init(|| {
        toml::from_str::<NotesFile>(include_str!("../compiler-notes.toml"))
            .map(|file| file.note)
            .unwrap_or_default()
    })
}

/// The notes that apply to `error`.
pub fn notes_for(error: &CompileError) -> impl Iterator<Item = &'static Note> {
    notes().iter().filter(move |note| {
        error.code.as_deref() == Some(note.code.as_str())
            && note
                .when
                .as_ref()
                .is_none_or(|words| error.message.contains(words.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(code: &str, message: &str) -> CompileError {
        CompileError {
            code: Some(code.to_owned()),
            message: message.to_owned(),
            location: Some("chapters/ch01-threads/src/downloads.rs:40:26".to_owned()),
            rendered: format!(
                "error[{code}]: {message}\n  --> chapters/ch01-threads/src/downloads.rs:40:26\n   |\nhelp: a suggestion\n"
            ),
        }
    }

    #[test]
    fn the_notes_file_parses_and_every_trap_has_a_note() {
        let file: NotesFile = toml::from_str(include_str!("../compiler-notes.toml")).unwrap();
        assert_eq!(file.note.len(), notes().len());
        for code in ["E0373", "E0521", "E0310", "E0499", "E0382"] {
            assert!(
                notes_for(&error(code, "anything")).next().is_some(),
                "no note for {code}"
            );
        }
        let send = error("E0277", "`Rc<u32>` cannot be sent between threads safely");
        assert!(notes_for(&send).any(|note| note.note.contains("Arc")));
        let sync = error(
            "E0277",
            "`Cell<bool>` cannot be shared between threads safely",
        );
        assert_eq!(notes_for(&sync).count(), 1);
        let other = error("E0277", "the trait bound `u8: Foo` is not satisfied");
        assert_eq!(notes_for(&other).count(), 0, "E0277 in general has no note");
    }

    #[test]
    fn every_note_points_at_a_section_of_the_book() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../book/src");
        for note in notes() {
            let (page, id) = note.book.split_once('#').expect("page.html#section");
            let markdown = std::fs::read_to_string(src.join(page.replace(".html", ".md")))
                .unwrap_or_else(|_| panic!("{}: no such page", note.book));
            assert!(
                book::heading_ids(&markdown)
                    .iter()
                    .any(|heading| heading == id),
                "{}: no such section",
                note.book
            );
        }
    }

    #[test]
    fn the_first_error_is_shown_as_rustc_rendered_it_with_its_note() {
        let errors = CompileErrors {
            errors: vec![
                error("E0373", "closure may outlive the current function"),
                error("E0382", "use of moved value: `fetch`"),
            ],
            cargo_said: "error: could not compile".to_owned(),
        };
        let root = Path::new("/nowhere");
        let report = errors.report(root, false);
        assert!(report.starts_with("error[E0373]: closure may outlive"));
        assert!(report.contains("help: a suggestion"));
        assert!(report.contains("The course's note on this error:"));
        assert!(report.contains("thread::scope"));
        assert!(report.contains("1 more error "));
        assert!(report.contains("downloads.rs:40:26: error[E0382]: use of moved value"));
        assert!(!report.contains("could not compile"));
        let verbose = errors.report(root, true);
        assert!(verbose.contains("error[E0382]: use of moved value: `fetch`\n  -->"));
        assert!(verbose.contains("could not compile"));
    }

    #[test]
    fn without_rustc_errors_cargo_speaks_for_itself() {
        let errors = CompileErrors {
            errors: Vec::new(),
            cargo_said: "error: failed to parse manifest".to_owned(),
        };
        let root = Path::new("/nowhere");
        assert_eq!(
            errors.report(root, false),
            "error: failed to parse manifest"
        );
        assert_eq!(errors.to_string(), "error: failed to parse manifest");
    }
}
