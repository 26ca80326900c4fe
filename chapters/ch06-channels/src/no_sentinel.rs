//! Placeholder: the exercise author replaces this file.
