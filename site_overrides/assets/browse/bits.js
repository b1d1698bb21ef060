// Sets of listings as bitsets: Uint32Arrays whose bit i (word i >>> 5, bit i & 31) stands for ordinal i.

// How many 32-bit words hold n listings.
export function wordCount(n) {
  return (n + 31) >>> 5;
}

// The bitset of every listing, 0 to n - 1.
export function allBits(n) {
  const all = new Uint32Array(wordCount(n));
  for (let i = 0; i < n; i++) all[i >>> 5] |= 1 << (i & 31);
  return all;
}

export function popcount(x) {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function contains(bits, i) {
  return (bits[i >>> 5] >>> (i & 31)) & 1;
}

// The ordinals in a bitset, lowest first.
export function* ascending(bits) {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word) {
      const low = word & -word;
      yield w * 32 + 31 - Math.clz32(low);
      word ^= low;
    }
  }
}

// The ordinals in a bitset, lowest first, as an array.
export function ordinals(bits) {
  const out = [];
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word) {
      const low = word & -word;
      out.push(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}

// The listings of `all` that are in every part (all of them when there are no parts).
export function intersect(all, parts) {
  const out = all.slice();
  for (const part of parts) for (let w = 0; w < out.length; w++) out[w] &= part[w];
  return out;
}

// Adds the listings of `other` to `bits`, in place.
export function unionInto(bits, other) {
  for (let w = 0; w < bits.length; w++) bits[w] |= other[w];
  return bits;
}
