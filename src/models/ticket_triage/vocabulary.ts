/**
 * TF-IDF over a vocabulary fitted on the training split only, stored with the model.
 * The weighting follows scikit-learn's TfidfVectorizer (smooth idf, sublinear tf, L2 norm)
 * so the reference comparison is like for like.
 */
export interface Vocabulary {
  terms: string[];
  idf: number[];
  /** Most terms kept per document (highest weights); the model's input width. */
  maxTermsPerDoc: number;
}

/** A sparse, L2-normalised TF-IDF row: parallel vocabulary indices and weights. */
export interface SparseRow {
  indices: number[];
  weights: number[];
}

/** Keeps terms seen in at least `minDf` documents, the `maxFeatures` most frequent. */
export function fitVocabulary(
  documents: readonly string[][],
  options: { minDf: number; maxFeatures: number; maxTermsPerDoc: number },
): Vocabulary {
  const df = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return selectVocabulary(df, documents.length, options);
}

/**
 * The vocabulary of `documents` documents from their terms' document frequencies: those seen in
 * at least `minDf`, the `maxFeatures` most frequent (ties in term order).
 */
export function selectVocabulary(
  frequencies: Iterable<[string, number]>,
  documents: number,
  options: { minDf: number; maxFeatures: number; maxTermsPerDoc: number },
): Vocabulary {
  const kept = [...frequencies]
    .filter(([, count]) => count >= options.minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxFeatures);
  return {
    terms: kept.map(([term]) => term),
    idf: kept.map(([, count]) => Math.log((1 + documents) / (1 + count)) + 1),
    maxTermsPerDoc: options.maxTermsPerDoc,
  };
}

/**
 * Lookup tables of a loaded vocabulary, by word id: a bigram is found from its two words'
 * ids without building its string, which was most of the cost of encoding a ticket.
 */
export interface VocabularyIndex {
  /** Every word of a unigram or bigram term, to its word id. */
  words: Map<string, number>;
  /** Word id to the column of the word as a term, or -1. */
  unigrams: Int32Array;
  /** `first * words.size + second` word ids to the column of the bigram. */
  bigrams: Map<number, number>;
}

/** Builds the lookup tables, once per loaded vocabulary. */
export function indexVocabulary(vocabulary: Vocabulary): VocabularyIndex {
  const words = new Map<string, number>();
  const idOf = (word: string) => {
    if (!words.has(word)) words.set(word, words.size);
    return words.get(word)!;
  };
  const singles: [number, number][] = [];
  const pairs: [number, number, number][] = [];
  vocabulary.terms.forEach((term, column) => {
    const [first, second] = term.split(" ");
    if (second === undefined) singles.push([idOf(first), column]);
    else pairs.push([idOf(first), idOf(second), column]);
  });
  const unigrams = new Int32Array(words.size).fill(-1);
  for (const [id, column] of singles) unigrams[id] = column;
  const bigrams = new Map(pairs.map(([a, b, column]) => [a * words.size + b, column]));
  return { words, unigrams, bigrams };
}

/**
 * The vocabulary columns of a document's terms (its words and adjacent-word bigrams, as
 * `extractTerms` defines them), repeats kept; unknown terms are dropped.
 */
export function termColumns(index: VocabularyIndex, words: readonly string[]): number[] {
  const columns: number[] = [];
  let previous = -1;
  for (const word of words) {
    const id = index.words.get(word) ?? -1;
    if (id >= 0 && index.unigrams[id] >= 0) columns.push(index.unigrams[id]);
    const bigram = previous >= 0 && id >= 0
      ? index.bigrams.get(previous * index.words.size + id)
      : undefined;
    if (bigram !== undefined) columns.push(bigram);
    previous = id;
  }
  return columns;
}

/** TF-IDF of one document's term columns (with repeats), capped at `maxTermsPerDoc`. */
export function vectorize(vocabulary: Vocabulary, columns: readonly number[]): SparseRow {
  const sorted = Int32Array.from(columns).sort();
  let indices: number[] = [];
  let weights: number[] = [];
  for (let start = 0, end = 0; start < sorted.length; start = end) {
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    indices.push(sorted[start]);
    weights.push((1 + Math.log(end - start)) * vocabulary.idf[sorted[start]]);
  }
  if (indices.length > vocabulary.maxTermsPerDoc) {
    const kept = indices.map((_, i) => i)
      .sort((a, b) => weights[b] - weights[a] || indices[a] - indices[b])
      .slice(0, vocabulary.maxTermsPerDoc)
      .sort((a, b) => a - b);
    [indices, weights] = [kept.map((i) => indices[i]), kept.map((i) => weights[i])];
  }
  let norm = 0;
  for (const weight of weights) norm += weight * weight;
  norm = Math.sqrt(norm) || 1;
  return { indices, weights: weights.map((weight) => weight / norm) };
}
