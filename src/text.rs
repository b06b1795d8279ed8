//! Text helpers (being written).
/// The characters `start..end` of `text`, counted in `char`s.
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut indices = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    let s = indices.nth(start)?;
    let e = if end == start { s } else { indices.nth(end - start - 1)? };
    Some(&text[s..e])
}
