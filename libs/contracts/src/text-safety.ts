/**
 * Characters no text of ours may hold: C0 and C1 control characters (and DEL) other than
 * tab, line feed and carriage return, and the Unicode bidirectional controls (embeddings,
 * overrides, isolates, LRM/RLM, ALM) that make a name or a file name display as something
 * it is not. Checked for every JSON body and query at the gateway and for roster imports.
 */
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The first unsafe character of `text` as `U+XXXX`, or null when there is none. */
export function unsafeCharacterIn(text: string): string | null {
  const match = UNSAFE_CHARACTER.exec(text);
  if (!match) return null;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The reason given to a client, naming the character found. */
export const unsafeCharacterReason = (character: string): string =>
  `must not contain control or bidirectional formatting characters (found ${character})`;
