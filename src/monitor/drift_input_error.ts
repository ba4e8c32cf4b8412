/**
 * @module
 * The error of input the drift engine refuses (unreadable data, a column the mapping names
 * but the data lacks, an unknown test): its message is one line that says what and why, and
 * the drift CLI prints it alone and exits with status 2.
 */

/** Input the drift engine cannot use; the message names the input and the reason. */
export class DriftInputError extends Error {
  override name = "DriftInputError";
}
