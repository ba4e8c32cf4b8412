import type { EncodedBatch } from "./encoded_batch.ts";

/** One output of a model: a softmax over `classes`. */
export interface Head {
  readonly name: string;
  readonly classes: readonly string[];
}

/**
 * What serving needs of a model: its heads, and how a request becomes network inputs given
 * the fitted preprocessing. Free of tfjs, so a server never loads it.
 */
export interface ModelCodec<Input, Preprocessing> {
  readonly name: string;
  readonly heads: readonly Head[];
  /** Validates and restores the stored `preprocessing.json`; throws on a bad file. */
  loadPreprocessing(json: unknown): Preprocessing;
  /** The model inputs of a batch, as typed arrays in the network's input order. */
  encode(preprocessing: Preprocessing, inputs: readonly Input[]): EncodedBatch;
}
