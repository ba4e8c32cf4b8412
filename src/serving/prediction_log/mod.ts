/** The prediction log: the sink the routes score into. */
export { type PredictionSink, type ScoringSink, scoringSink } from "./sink.ts";
