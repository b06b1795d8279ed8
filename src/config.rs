//! Bot settings (being written).
