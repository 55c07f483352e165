import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { InputFailure } from './types.js';

export interface DecodedText {
  text: string;
  /** lower-case encoding name, e.g. "utf-8", "utf-16le", "windows-1252" */
  encoding: string;
}

/** chardet looks at a prefix only: its n-gram scoring over 50 MB would be slow for no gain. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which decoded "text" is taken for binary data. */
const MAX_CONTROL_RATIO = 0.05;

/**
 * Decode a text file, detecting its encoding: BOM first (UTF-8, UTF-16LE/BE, UTF-32),
 * then UTF-16 without BOM from its NUL-byte pattern, then strict UTF-8, then chardet.
 * `hint` is a declared charset (an HTML <meta charset>) tried before chardet.
 * The text is returned exactly as decoded, minus the BOM; binary data is refused.
 */
export function readText(buffer: Buffer, origin: string, hint?: string): DecodedText | InputFailure {
  const decoded = decode(buffer, hint);
  if (decoded === undefined || looksBinary(decoded.text)) return { input: origin, message: 'binary file, not text' };
  return decoded;
}

function decode(buffer: Buffer, hint: string | undefined): DecodedText | undefined {
  const b = buffer;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    // Invalid sequences after a UTF-8 BOM become U+FFFD; looksBinary judges how many.
    return { text: b.toString('utf8', 3), encoding: 'utf-8' };
  }
  // UTF-32 BOMs before UTF-16 ones: FF FE 00 00 starts with the UTF-16LE BOM.
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return viaIconv(b.subarray(4), 'utf-32le');
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return viaIconv(b.subarray(4), 'utf-32be');
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: b.toString('utf16le', 2), encoding: 'utf-16le' };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return viaIconv(b.subarray(2), 'utf-16be');

  const utf16 = utf16ByNulPattern(b);
  if (utf16 === 'utf-16le') return { text: b.toString('utf16le'), encoding: utf16 };
  if (utf16 === 'utf-16be') return viaIconv(b, utf16);
  if (b.indexOf(0) !== -1) return undefined; // NUL bytes in a non-UTF-16 file: binary

  if (isUtf8(b)) return { text: b.toString('utf8'), encoding: 'utf-8' };
  const mostlyUtf8 = lenientUtf8(b);
  if (mostlyUtf8 !== undefined) return { text: mostlyUtf8, encoding: 'utf-8' };
  const declared = hint ? canonicalEncoding(hint) : undefined;
  if (declared && !/^utf-(8|16|32)/.test(declared)) return viaIconv(b, declared);
  return viaIconv(b, guessLegacyEncoding(b));
}

/**
 * UTF-8 with a few bad bytes (a file cut mid-character, one stray Latin-1 byte) is still
 * UTF-8: decoding it as windows-1252 would garble every other accented letter. Legacy
 * 8-bit text almost never forms valid multi-byte sequences, so those decide.
 */
function lenientUtf8(b: Buffer): string | undefined {
  const text = b.toString('utf8');
  let replaced = 0;
  let multiByte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80) multiByte++;
  }
  return multiByte >= 3 && replaced <= Math.max(2, multiByte * 0.05) ? text : undefined;
}

function viaIconv(bytes: Buffer, encoding: string): DecodedText {
  return { text: iconv.decode(bytes, encoding, { stripBOM: false }), encoding };
}

/**
 * ASCII-heavy UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.
 * Only the prefix is examined; that is enough to tell and keeps big files linear.
 */
function utf16ByNulPattern(b: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** Not UTF-8: ask chardet about a prefix, keep only single-byte or CJK answers iconv knows. */
function guessLegacyEncoding(b: Buffer): string {
  const sample = b.length > SNIFF_BYTES ? b.subarray(0, SNIFF_BYTES) : b;
  const guess = canonicalEncoding(chardet.detect(sample) ?? '');
  if (!guess || /^utf-|^ascii$/.test(guess)) return 'windows-1252';
  return guess;
}

function canonicalEncoding(name: string): string | undefined {
  let n = name.trim().toLowerCase();
  // As browsers do (WHATWG): Latin-1 labels mean windows-1252, which only adds printables.
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'us-ascii') n = 'windows-1252';
  if (n === 'utf8') n = 'utf-8';
  return n && iconv.encodingExists(n) ? n : undefined;
}

/**
 * Decoded binary data is full of C0/C1 controls and replacement characters; real text
 * has almost none besides tab, newlines and form feed.
 */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) bad++;
    } else if ((c >= 0x7f && c <= 0x9f) || c === 0xfffd) bad++;
  }
  return bad > 0 && bad / text.length > MAX_CONTROL_RATIO;
}
