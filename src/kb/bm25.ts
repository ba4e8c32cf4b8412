/**
 * Okapi BM25 over the knowledge base (title, tags and body of each article), built once.
 * A search boosts, never filters, the articles of the ticket's predicted topic and language.
 */
import type { Topic } from "../domain/ticket.ts";
import type { KbArticle, KbLanguage } from "./knowledge_base.ts";
import { passages } from "./markdown.ts";
import { tokenize } from "./tokenize.ts";

/** Tuning of the index; the defaults are the usual Okapi values and mild boosts. */
export interface Bm25Options {
  /** Term-frequency saturation (default 1.2). */
  k1?: number;
  /** Length normalisation (default 0.75). */
  b?: number;
  /** How many times a title term counts, as if repeated (default 3). */
  titleWeight?: number;
  /** How many times a tag term counts (default 2). */
  tagWeight?: number;
  /** Score multiplier for articles of the requested topic (default 1.5). */
  topicBoost?: number;
  /** Score multiplier for articles in the requested language (default 1.3). */
  languageBoost?: number;
}

/** What to favour and how many hits to return. */
export interface SearchOptions {
  /** Predicted topic of the ticket: its articles are boosted. */
  topic?: Topic;
  /** Language of the ticket: its articles are boosted. */
  language?: KbLanguage;
  /** Most hits returned (default 5). */
  limit?: number;
}

/** One article found, best first. */
export interface KbHit {
  readonly article: KbArticle;
  readonly id: string;
  readonly title: string;
  readonly topic: Topic;
  readonly language: KbLanguage;
  /** BM25 score times the boosts that applied. */
  readonly score: number;
  /** BM25 score alone. */
  readonly bm25: number;
  /** The passage of the article that matches the query best, at most ~200 characters. */
  readonly excerpt: string;
}

/** What a reply needs from a knowledge base: its articles and a ranked search. */
export interface KbSearcher {
  readonly articles: readonly KbArticle[];
  search(query: string, options?: SearchOptions): KbHit[];
}

const EXCERPT_CHARS = 200;

/** An inverted index over the articles; {@link search} costs one pass over the query's postings. */
export class Bm25Index implements KbSearcher {
  readonly articles: readonly KbArticle[];
  readonly #postings = new Map<string, { doc: number; weight: number }[]>();
  readonly #idf = new Map<string, number>();
  readonly #passages: { text: string; terms: readonly string[] }[][];
  readonly #topicBoost: number;
  readonly #languageBoost: number;

  constructor(articles: readonly KbArticle[], options: Bm25Options = {}) {
    const { k1 = 1.2, b = 0.75, titleWeight = 3, tagWeight = 2 } = options;
    this.#topicBoost = options.topicBoost ?? 1.5;
    this.#languageBoost = options.languageBoost ?? 1.3;
    this.articles = articles;
    // Each body passage is tokenised once: for the counts and for the excerpts.
    this.#passages = articles.map((article) =>
      passages(article.body).map((text) => ({ text, terms: tokenize(text) }))
    );
    const counts = articles.map((article, doc) => {
      const tf = new Map<string, number>();
      const add = (terms: readonly string[], weight: number) => {
        if (weight <= 0) return;
        for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + weight);
      };
      add(tokenize(article.title), titleWeight);
      add(tokenize(article.tags.join(" ")), tagWeight);
      for (const passage of this.#passages[doc]) add(passage.terms, 1);
      return tf;
    });
    const lengths = counts.map((tf) => [...tf.values()].reduce((sum, n) => sum + n, 0));
    const avgLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length);
    const df = new Map<string, number>();
    for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const n = articles.length;
    for (const [term, docFreq] of df) {
      this.#idf.set(term, Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5)));
    }
    counts.forEach((tf, doc) => {
      const norm = k1 * (1 - b + b * lengths[doc] / avgLength);
      for (const [term, freq] of tf) {
        const list = this.#postings.get(term) ?? [];
        list.push({ doc, weight: this.#idf.get(term)! * freq * (k1 + 1) / (freq + norm) });
        this.#postings.set(term, list);
      }
    });
  }

  /** Articles ranked for `query`; only those sharing at least one term with it are returned. */
  search(query: string, options: SearchOptions = {}): KbHit[] {
    const terms = [...new Set(tokenize(query))];
    const scores = new Float64Array(this.articles.length);
    for (const term of terms) {
      for (const { doc, weight } of this.#postings.get(term) ?? []) scores[doc] += weight;
    }
    const hits: { doc: number; bm25: number; score: number }[] = [];
    scores.forEach((bm25, doc) => {
      if (bm25 <= 0) return;
      const article = this.articles[doc];
      let score = bm25;
      if (options.topic && article.topic === options.topic) score *= this.#topicBoost;
      if (options.language && article.language === options.language) score *= this.#languageBoost;
      hits.push({ doc, bm25, score });
    });
    hits.sort((x, y) =>
      y.score - x.score || this.articles[x.doc].id.localeCompare(this.articles[y.doc].id)
    );
    return hits.slice(0, options.limit ?? 5).map(({ doc, bm25, score }) => {
      const article = this.articles[doc];
      return {
        article,
        id: article.id,
        title: article.title,
        topic: article.topic,
        language: article.language,
        score,
        bm25,
        excerpt: this.#excerpt(doc, terms),
      };
    });
  }

  /** The passage holding the rarest query terms (idf-weighted; the first one on ties). */
  #excerpt(doc: number, terms: string[]): string {
    const candidates = this.#passages[doc];
    let best = candidates[0]?.text ?? "";
    let bestWeight = 0;
    for (const { text, terms: present } of candidates) {
      let weight = 0;
      for (const term of terms) if (present.includes(term)) weight += this.#idf.get(term) ?? 0;
      if (weight > bestWeight) [best, bestWeight] = [text, weight];
    }
    return truncate(best, EXCERPT_CHARS);
  }
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
