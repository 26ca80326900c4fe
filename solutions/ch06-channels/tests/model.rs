//! Placeholder: the model checks of the hand-built channels (shuttle).
