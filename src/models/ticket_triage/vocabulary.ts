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
  const kept = [...df.entries()]
    .filter(([, count]) => count >= options.minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxFeatures);
  const n = documents.length;
  return {
    terms: kept.map(([term]) => term),
    idf: kept.map(([, count]) => Math.log((1 + n) / (1 + count)) + 1),
    maxTermsPerDoc: options.maxTermsPerDoc,
  };
}

/** Term to column lookup, built once per loaded vocabulary. */
export function indexVocabulary(vocabulary: Vocabulary): Map<string, number> {
  return new Map(vocabulary.terms.map((term, index) => [term, index]));
}

/** TF-IDF of one document's terms; unknown terms are dropped. */
export function vectorize(
  vocabulary: Vocabulary,
  index: ReadonlyMap<string, number>,
  terms: readonly string[],
): SparseRow {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const column = index.get(term);
    if (column !== undefined) counts.set(column, (counts.get(column) ?? 0) + 1);
  }
  let entries = [...counts.entries()].map(([column, count]) =>
    [column, (1 + Math.log(count)) * vocabulary.idf[column]] as [number, number]
  );
  if (entries.length > vocabulary.maxTermsPerDoc) {
    entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, vocabulary.maxTermsPerDoc);
  }
  const norm = Math.hypot(...entries.map(([, weight]) => weight)) || 1;
  entries.sort((a, b) => a[0] - b[0]);
  return {
    indices: entries.map(([column]) => column),
    weights: entries.map(([, weight]) => weight / norm),
  };
}
