// Base64url digits and the Rice-coded posting lists of the browse indexes (browse_index.rice in the
// generator): sorted ordinals as the gaps between them, the parameter k in the first digit, then for
// each gap its quotient in unary (1s and a 0) and its remainder in k bits, most significant bit first.
// A leading "!" means the list holds the ordinals that are not there.

export const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const DIGIT = new Int8Array(128).fill(-1); // char code -> base64url digit
for (let i = 0; i < 64; i++) DIGIT[DIGITS.charCodeAt(i)] = i;

// The value of the base64url digit at position i of a text: -1 when it is not a digit or past the end.
export function digitAt(text, i) {
  const code = text.charCodeAt(i);
  return code < 128 ? DIGIT[code] : -1;
}

// The ordinals of a posting list as a bitset of all.length 32-bit words (bit i set: ordinal i has it).
// count is how many ordinals the list has, n how many listings there are, all the bitset of every listing.
export function unrice(text, count, n, all) {
  const complement = text.charAt(0) === "!";
  if (complement) {
    text = text.slice(1);
    count = n - count;
  }
  const k = digitAt(text, 0);
  let position = 6; // bit position in the text, after the first digit
  const bit = () => {
    const digit = digitAt(text, position / 6 | 0);
    if (!(digit >= 0)) throw new Error("facet index: bad posting list");
    const value = (digit >> (5 - (position % 6))) & 1;
    position++;
    return value;
  };
  const out = new Uint32Array(all.length);
  let previous = -1;
  for (let c = 0; c < count; c++) {
    let quotient = 0;
    while (bit()) quotient++;
    let remainder = 0;
    for (let j = 0; j < k; j++) remainder = remainder * 2 + bit();
    previous += quotient * 2 ** k + remainder + 1;
    out[previous >>> 5] |= 1 << (previous & 31);
  }
  if (complement) for (let w = 0; w < all.length; w++) out[w] = ~out[w] & all[w];
  return out;
}
