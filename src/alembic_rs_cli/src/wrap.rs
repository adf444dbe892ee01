//! Python's `textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="  ")`, the
//! way Alembic's `util.msg` lays out `FAILED: ...` when its standard input is a terminal.
//!
//! Defaults of `textwrap.TextWrapper` apply: tabs expanded, whitespace replaced by spaces,
//! words broken on hyphens and, when longer than a line, anywhere. Lengths count code
//! points, as Python's `len` does.

/// `textwrap._whitespace`: the only characters `replace_whitespace` and the chunk splitter
/// treat as whitespace.
fn is_wrap_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0b' | '\x0c' | '\r' | ' ')
}

/// `\w` in a Python `str` pattern.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `[^\d\W]`: a word character that is not a digit.
fn is_letter(c: char) -> bool {
    is_word(c) && !c.is_numeric()
}

/// `[\w!"\'&.,?]`.
fn is_word_punct(c: char) -> bool {
    is_word(c) || matches!(c, '!' | '"' | '\'' | '&' | '.' | ',' | '?')
}

/// `str.expandtabs(8)`.
fn expand_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0usize;
    for c in text.chars() {
        match c {
            '\t' => {
                let n = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// `-{2,}` followed by a word character, starting at `i`.
fn em_dash_at(chars: &[char], i: usize) -> bool {
    let dashes = chars[i..].iter().take_while(|&&c| c == '-').count();
    dashes >= 2 && chars.get(i + dashes).is_some_and(|&c| is_word(c))
}

/// `TextWrapper.wordsep_re.split(text)` without the empty strings: runs of spaces, em-dashes
/// between words, and words split after the hyphens of hyphenated words.
fn split_chunks(chars: &[char]) -> Vec<Vec<char>> {
    let letter_at = |i: usize| chars.get(i).is_some_and(|&c| is_letter(c));
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let end = if is_wrap_space(chars[i]) {
            i + chars[i..].iter().take_while(|&&c| is_wrap_space(c)).count()
        } else if i > 0 && is_word_punct(chars[i - 1]) && em_dash_at(chars, i) {
            i + chars[i..].iter().take_while(|&&c| c == '-').count()
        } else {
            // `\S+?` followed by the first alternative that matches, shortest first.
            let mut k = i + 1;
            loop {
                let hyphen = chars.get(k) == Some(&'-')
                    && ((k >= 2 && letter_at(k - 2) && letter_at(k - 1))
                        || (k >= 3 && letter_at(k - 3) && chars[k - 2] == '-' && letter_at(k - 1)))
                    && letter_at(k + 1)
                    && (letter_at(k + 2) || (chars.get(k + 2) == Some(&'-') && letter_at(k + 3)));
                if hyphen {
                    break k + 1;
                }
                if k == chars.len() || is_wrap_space(chars[k]) {
                    break k;
                }
                if is_word_punct(chars[k - 1]) && em_dash_at(chars, k) {
                    break k;
                }
                k += 1;
            }
        };
        chunks.push(chars[i..end].to_vec());
        i = end;
    }
    chunks
}

/// `str.strip() == ""` for a chunk.
fn is_blank(chunk: &[char]) -> bool {
    chunk.iter().all(|c| c.is_whitespace())
}

/// `textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)`.
pub(crate) fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let munged: Vec<char> = expand_tabs(text)
        .chars()
        .map(|c| if is_wrap_space(c) { ' ' } else { c })
        .collect();
    let mut chunks = split_chunks(&munged);
    chunks.reverse();
    let indent_len = indent.chars().count();
    let mut lines: Vec<String> = Vec::new();
    while !chunks.is_empty() {
        // What a long word leaves when it is used up. Python drops it below, except before the
        // first line, where it loops forever (text starting with spaces on a terminal narrower
        // than the indent; "FAILED: ..." never does).
        if chunks.last().is_some_and(Vec::is_empty) {
            chunks.pop();
            continue;
        }
        // `width - len(indent)` may go negative in Python; the long-word rule then takes one
        // character per line.
        let width = width as isize - indent_len as isize;
        if !lines.is_empty() && chunks.last().is_some_and(|c| is_blank(c)) {
            chunks.pop();
        }
        let mut line: Vec<Vec<char>> = Vec::new();
        let mut len = 0isize;
        while let Some(chunk) = chunks.last() {
            if len + chunk.len() as isize <= width {
                len += chunk.len() as isize;
                line.extend(chunks.pop());
            } else {
                break;
            }
        }
        if chunks.last().is_some_and(|c| c.len() as isize > width) {
            handle_long_word(&mut chunks, &mut line, len, width);
        }
        if line.last().is_some_and(|c| is_blank(c)) {
            line.pop();
        }
        if !line.is_empty() {
            let body: String = line.iter().flatten().collect();
            lines.push(format!("{indent}{body}"));
        }
    }
    lines
}

/// `TextWrapper._handle_long_word` with `break_long_words` and `break_on_hyphens`.
fn handle_long_word(chunks: &mut [Vec<char>], line: &mut Vec<Vec<char>>, len: isize, width: isize) {
    let space_left = if width < 1 { 1 } else { (width - len) as usize };
    let Some(chunk) = chunks.last_mut() else {
        return;
    };
    let mut end = space_left.min(chunk.len());
    if chunk.len() > space_left {
        // After the last hyphen that fits, if anything but hyphens precedes it.
        if let Some(h) = chunk[..space_left].iter().rposition(|&c| c == '-')
            && h > 0
            && chunk[..h].iter().any(|&c| c != '-')
        {
            end = h + 1;
        }
    }
    let rest = chunk.split_off(end);
    line.push(std::mem::replace(chunk, rest));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        split_chunks(&chars)
            .into_iter()
            .map(|c| c.into_iter().collect())
            .collect()
    }

    #[test]
    fn splits_words_spaces_and_hyphenated_words() {
        assert_eq!(chunks("a  bc"), ["a", "  ", "bc"]);
        assert_eq!(chunks("well-known x"), ["well-", "known", " ", "x"]);
        // digits are not letters: no break inside an id
        assert_eq!(chunks("ab-12 x1-yz"), ["ab-12", " ", "x1-yz"]);
        assert_eq!(chunks("word--word"), ["word", "--", "word"]);
    }

    #[test]
    fn wraps_with_indent() {
        assert_eq!(wrap("FAILED: short", 80, "  "), ["  FAILED: short"]);
        assert_eq!(
            wrap("aaa bbb ccc", 9, "  "),
            ["  aaa bbb", "  ccc"],
            "the space between two lines is dropped"
        );
        assert_eq!(wrap("abcdefghij", 6, "  "), ["  abcd", "  efgh", "  ij"]);
    }
}
