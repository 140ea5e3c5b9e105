/**
 * Small text helpers shared by the validators. Deliberately narrow: only the
 * full-width ASCII block is folded, so nothing else in the input is "corrected".
 */

/** JS `\s` covers U+3000, NBSP and U+FEFF. */
const WHITESPACE = /\s+/g;
/** Zero-width marks pasted from Word and WeChat: removed, never turned into spaces. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060]/g;

/** Controls, format characters (bidi overrides, zero-width joiners) and lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/** Full-width ASCII variants U+FF01–FF5E → ASCII; ideographic space U+3000 → space. */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function removeWhitespace(input: string): string {
  return input.replace(WHITESPACE, '').replace(ZERO_WIDTH, '');
}

/** Trims and turns every whitespace run into one ASCII space. */
export function collapseWhitespace(input: string): string {
  return input.replace(ZERO_WIDTH, '').replace(WHITESPACE, ' ').trim();
}

/** Removes invisible characters; run after collapseWhitespace so tabs and newlines become spaces first. */
export function removeInvisible(input: string): string {
  return input.replace(INVISIBLE, '');
}

/** Upper-cases a–z only (`'ß'.toUpperCase()` is two letters, which would shift positions). */
export function upperAscii(input: string): string {
  return input.replace(/[a-z]/g, (ch) => ch.toUpperCase());
}

/** Shows user input inside a message: at most `max` characters, invisible ones spelled as U+XXXX. */
export function quoteForMessage(input: string, max = 20): string {
  const chars = Array.from(input);
  const shown = chars.slice(0, max).map(describeChar).join('');
  return chars.length > max ? `${shown}…` : shown;
}

/** One character as a person can read it in a message. */
export function describeChar(ch: string): string {
  if (/^[\p{C}\p{Z}]$/u.test(ch)) {
    const hex = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `U+${hex}`;
  }
  return ch;
}
