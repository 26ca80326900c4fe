//! The chapter's demos behave as the book says.
