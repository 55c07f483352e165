/**
 * A trailing aside that describes something the sentence names rather than telling when its
 * own events happen: ", a militia founded after the 1994 genocide.", ", 16 years after a
 * brief war in 2008." Its dates and wording do not make the sentence history.
 */
const COUNTED = String.raw`(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|a|one)`;
const TRAILING_ASIDE = new RegExp(String.raw`,\s+(?:(?:a|an)\s+(?!few\b|year\b|decade\b)|${COUNTED}\s+(?:years?|decades?)\s+(?:after|since)\s)[^,;:"“”]*$`, 'iu');
/** the words a sentence needs before its aside to have events of its own */
const MIN_HEAD_WORDS = 4;

/** Where a sentence's trailing aside starts (an offset into the text), if it has one. */
export function trailingAsideStart(text: string): number | undefined {
  const m = TRAILING_ASIDE.exec(text);
  if (!m) return undefined;
  const head = text.slice(0, m.index).match(/[\p{L}\p{N}]+/gu) ?? [];
  return head.length >= MIN_HEAD_WORDS ? m.index : undefined;
}
