/**
 * Character n-grams inside word boundaries (scikit-learn's `char_wb`): each word, padded with
 * a boundary mark, cut into every 3- and 4-letter piece (5-letter pieces cost a third more to
 * look up and did no better on validation). A typo, an inflection or a word
 * the training set never saw ("imprimantes", "pasword", "re-install") still shares most of
 * its pieces with a known word, which word n-grams cannot offer.
 *
 * Serving looks up some 400 pieces per ticket and training counts millions, so neither builds
 * strings: a piece of `[a-z0-9_]` (nearly every piece once `normalizeText` folded accents) is
 * an integer, its characters as digits in base 38; other pieces fall back to strings.
 * @module
 */

import { selectVocabulary, type Vocabulary } from "./vocabulary.ts";

/** Marks a word's start and end; `normalizeText` leaves no "_" in a text. */
const boundary = "_";
const sizes = { min: 3, max: 4 } as const;

/** Digits of a piece's integer: 1-37, so a 3-letter key never equals a 4-letter one. */
const radix = 38;
/** Every piece integer is below this: small enough to count in a dense array. */
const keySpace = radix ** sizes.max;

/** A character's digit (1-37), or 0 outside `[a-z0-9_]`. */
function symbol(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 21;
  return code === 95 ? 37 : 0;
}

/** The integer of a piece of `[a-z0-9_]`, or -1 for any other piece. */
function pieceKey(piece: string): number {
  let key = 0;
  for (let i = 0; i < piece.length; i++) {
    const code = symbol(piece.charCodeAt(i));
    if (code === 0) return -1;
    key = key * radix + code;
  }
  return key;
}

/** The piece an integer stands for. */
function pieceOf(key: number): string {
  let piece = "";
  for (; key > 0; key = Math.floor(key / radix)) {
    const code = key % radix;
    piece =
      (code <= 26 ? String.fromCharCode(code + 96) : code <= 36 ? String(code - 27) : boundary) +
      piece;
  }
  return piece;
}

/** The character n-grams of normalised words, repeats kept, in reading order. */
export function charGrams(words: readonly string[]): string[] {
  const grams: string[] = [];
  for (const word of words) {
    const padded = `${boundary}${word}${boundary}`;
    for (let size = sizes.min; size <= sizes.max; size++) {
      for (let start = 0; start + size <= padded.length; start++) {
        grams.push(padded.slice(start, start + size));
      }
    }
  }
  return grams;
}

/**
 * Open-addressing table from a piece's integer to its column and idf: integer keys, linear
 * probing, no allocation per lookup (a Map costs several times more on this hot path).
 */
class KeyTable {
  /**
   * 16 bytes per slot, key and column (Int32) then idf (Float64): a lookup reads one cache line
   * for all three. Between two requests the server's database evicts the table, so each separate
   * array read per piece was a miss of its own.
   */
  readonly #ints: Int32Array;
  readonly #doubles: Float64Array;
  readonly #mask: number;
  #touched = 0;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 1.5) size *= 2;
    const buffer = new ArrayBuffer(16 * size);
    this.#ints = new Int32Array(buffer); // key 0 is none: every piece has a symbol >= 1.
    this.#doubles = new Float64Array(buffer);
    this.#mask = size - 1;
  }

  set(key: number, column: number, idf: number): void {
    let slot = this.#home(key);
    while (this.#ints[4 * slot] !== 0 && this.#ints[4 * slot] !== key) {
      slot = (slot + 1) & this.#mask;
    }
    this.#ints[4 * slot] = key;
    this.#ints[4 * slot + 1] = column;
    this.#doubles[2 * slot + 1] = idf;
  }

  /** The slot of `key`, or -1. */
  find(key: number): number {
    let slot = this.#home(key);
    for (;;) {
      const found = this.#ints[4 * slot];
      if (found === key) return slot;
      if (found === 0) return -1;
      slot = (slot + 1) & this.#mask;
    }
  }

  /**
   * Reads the home slot of each of `keys[0..count)` and nothing else: these reads do not wait
   * on one another, so their cache misses overlap, and the lookups that follow find the slots
   * in cache instead of missing one after another.
   */
  touch(keys: Int32Array, count: number): void {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += this.#ints[4 * this.#home(keys[i])];
    this.#touched = sum; // kept, so the compiler cannot drop the reads
  }

  #home(key: number): number {
    return Math.imul(key, 0x9e3779b1) & this.#mask;
  }

  column(slot: number): number {
    return this.#ints[4 * slot + 1];
  }

  idf(slot: number): number {
    return this.#doubles[2 * slot + 1];
  }
}

/** Lookup tables of a character vocabulary, from piece to column and idf. */
export interface CharGramIndex {
  keys: KeyTable;
  /** Pieces outside `[a-z0-9_]`: their column and idf. */
  others: Map<string, { column: number; idf: number }>;
  offset: number;
  /** Scratch term counts by column - offset, all zero between calls. */
  counts: Uint16Array;
}

/** Indexes a character vocabulary, numbering its columns from `offset`. */
export function indexCharGrams(
  vocabulary: { terms: readonly string[]; idf: readonly number[] },
  offset: number,
): CharGramIndex {
  const { terms, idf } = vocabulary;
  const index: CharGramIndex = {
    keys: new KeyTable(terms.length),
    others: new Map(),
    offset,
    counts: new Uint16Array(terms.length),
  };
  terms.forEach((term, i) => {
    const key = pieceKey(term);
    if (key >= 0) index.keys.set(key, offset + i, idf[i]);
    else index.others.set(term, { column: offset + i, idf: idf[i] });
  });
  return index;
}

const codes = new Int32Array(64);
const pieceKeys = new Int32Array(2 * codes.length);

/**
 * Writes the integers of a word's pieces, in `charGrams` order, into `pieceKeys`; returns their
 * count, or -1 for a word outside `[a-z0-9]` (or too long), which takes the string path.
 */
function plainPieceKeys(word: string): number {
  const length = word.length + 2;
  if (length > codes.length) return -1;
  for (let i = 0; i < word.length; i++) {
    codes[i + 1] = symbol(word.charCodeAt(i));
    if (codes[i + 1] === 0) return -1;
  }
  codes[0] = codes[length - 1] = symbol(boundary.charCodeAt(0));
  let count = 0;
  for (let size = sizes.min; size <= sizes.max; size++) {
    for (let start = 0; start + size <= length; start++) {
      let key = 0;
      for (let i = start; i < start + size; i++) key = key * radix + codes[i];
      pieceKeys[count++] = key;
    }
  }
  return count;
}

let scratch = {
  seen: new Int32Array(1024),
  idf: new Float64Array(1024),
  weights: new Float64Array(1024),
  select: new Float64Array(1024),
};

/**
 * Counts one occurrence of `column`; a first one joins `scratch.seen` (with its idf) at
 * `distinct`.
 */
function countColumn(index: CharGramIndex, column: number, idf: number, distinct: number): number {
  if (index.counts[column - index.offset]++ !== 0) return distinct;
  if (distinct === scratch.seen.length) {
    const size = 2 * distinct;
    const seen = new Int32Array(size);
    const idf = new Float64Array(size);
    seen.set(scratch.seen);
    idf.set(scratch.idf);
    scratch = { seen, idf, weights: new Float64Array(size), select: new Float64Array(size) };
  }
  scratch.seen[distinct] = column;
  scratch.idf[distinct] = idf;
  return distinct + 1;
}

/** Counts the piece whose integer is `key`, when the vocabulary holds it. */
function countKey(index: CharGramIndex, key: number, distinct: number): number {
  const { keys } = index;
  const slot = keys.find(key);
  return slot < 0 ? distinct : countColumn(index, keys.column(slot), keys.idf(slot), distinct);
}

/**
 * Counts a document's known character n-grams by column into `index.counts` (unknown ones
 * dropped); lists their distinct columns, in reading order, in `scratch.seen` and their idf in
 * `scratch.idf`; returns how many.
 */
function countColumns(index: CharGramIndex, words: readonly string[]): number {
  let distinct = 0;
  for (const word of words) {
    const count = plainPieceKeys(word);
    if (count < 0) {
      for (const gram of charGrams([word])) {
        const key = pieceKey(gram);
        if (key >= 0) {
          distinct = countKey(index, key, distinct);
          continue;
        }
        const other = index.others.get(gram);
        if (other) distinct = countColumn(index, other.column, other.idf, distinct);
      }
      continue;
    }
    index.keys.touch(pieceKeys, count);
    for (let i = 0; i < count; i++) distinct = countKey(index, pieceKeys[i], distinct);
  }
  return distinct;
}

/**
 * `fitVocabulary` over the documents' `charGrams`, counted by integer in dense arrays: building
 * and hashing the strings of 64,000 tickets' pieces took most of the preprocessing.
 */
export function fitCharGramVocabulary(
  documents: readonly (readonly string[])[],
  options: { minDf: number; maxFeatures: number; maxTermsPerDoc: number },
): Vocabulary {
  const frequencies = new Int32Array(keySpace);
  const lastDocument = new Int32Array(keySpace); // document number + 1: 0 is none yet
  const others = new Map<string, number>();
  const count = (key: number, document: number) => {
    if (lastDocument[key] === document) return;
    lastDocument[key] = document;
    frequencies[key]++;
  };
  documents.forEach((words, i) => {
    const document = i + 1;
    const otherPieces = new Set<string>();
    for (const word of words) {
      const pieces = plainPieceKeys(word);
      for (let p = 0; p < pieces; p++) count(pieceKeys[p], document);
      if (pieces >= 0) continue;
      for (const gram of charGrams([word])) {
        const key = pieceKey(gram);
        if (key >= 0) count(key, document);
        else otherPieces.add(gram);
      }
    }
    for (const gram of otherPieces) others.set(gram, (others.get(gram) ?? 0) + 1);
  });
  const frequent: [string, number][] = [...others];
  for (let key = 0; key < keySpace; key++) {
    if (frequencies[key] >= options.minDf) frequent.push([pieceOf(key), frequencies[key]]);
  }
  return selectVocabulary(frequent, documents.length, options);
}

/**
 * The TF-IDF row of a document's character n-grams (sublinear tf, L2 norm), its
 * `vocabulary.maxTermsPerDoc` heaviest terms (ties to the earlier read), in reading order,
 * written into `row` from `at` (a batch's own arrays: nothing is allocated per ticket); returns
 * how many terms it wrote. Counted in the index's scratch array: no sort of the several hundred
 * pieces. The same columns and weights as a word row (`vocabulary.ts`'s `SparseRow`).
 */
export function charGramRow(
  index: CharGramIndex,
  vocabulary: { maxTermsPerDoc: number },
  words: readonly string[],
  row: { indices: Int32Array; weights: Float32Array | Float64Array },
  at: number,
): number {
  const { counts, offset } = index;
  const distinct = countColumns(index, words);
  const { seen, idf, weights, select } = scratch;
  let norm = 0;
  for (let i = 0; i < distinct; i++) {
    const term = seen[i] - offset;
    const weight = (1 + Math.log(counts[term])) * idf[i];
    counts[term] = 0;
    weights[i] = weight;
    norm += weight * weight;
  }
  const max = vocabulary.maxTermsPerDoc;
  let threshold = -Infinity;
  let ties = 0;
  if (distinct > max) {
    select.set(weights.subarray(0, distinct));
    threshold = kthLargest(select, distinct, max);
    ties = max;
    norm = 0;
    for (let i = 0; i < distinct; i++) {
      if (weights[i] > threshold) {
        ties--;
        norm += weights[i] * weights[i];
      }
    }
    norm += ties * threshold * threshold;
  }
  norm = Math.sqrt(norm) || 1;
  let end = at;
  for (let i = 0; i < distinct; i++) {
    const weight = weights[i];
    if (weight > threshold || (weight === threshold && ties-- > 0)) {
      row.indices[end] = seen[i];
      row.weights[end++] = weight / norm;
    }
  }
  return end - at;
}

/** The `k`-th largest of `values[0..n)` (reorders them): quickselect, middle pivot. */
function kthLargest(values: Float64Array, n: number, k: number): number {
  let low = 0;
  let high = n - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return values[target];
  }
  return values[target];
}
