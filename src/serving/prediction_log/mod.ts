/**
 * The prediction log: the sink the routes score into, the writer that stores what it gets in
 * the background (with the counters `/metrics` reads), and the spill-file names and format.
 */
export {
  createPredictionLogWriter,
  type PredictionLogWriter,
  type PredictionLogWriterOptions,
  type PredictionLogWriterStats,
} from "./writer.ts";
export { type PredictionSink, type ScoringSink, scoringSink } from "./sink.ts";
export { rejectedFileName, serializeEntry } from "./spill_file.ts";
