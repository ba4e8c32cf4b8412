import type { z } from "zod";
import { InvalidInputError } from "../domain/errors.ts";
import type { Head } from "../domain/model_codec.ts";
import type { HeadOutput } from "../domain/head_output.ts";

/** The Open Inference Protocol's tensor datatypes this server reads (all but FP16 and BF16). */
export const tensorDatatypes = [
  "BOOL",
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "FP32",
  "FP64",
  "BYTES",
] as const;

/** One of {@link tensorDatatypes}. */
export type TensorDatatype = (typeof tensorDatatypes)[number];

/** An Open Inference Protocol tensor. */
export interface InferTensor {
  name: string;
  shape: number[];
  datatype: TensorDatatype;
  data: (string | number | boolean | null)[];
}

/** V2 metadata of the input fields of a model, from its zod object schema. */
export function inputMetadata(
  schema: z.ZodType,
): { name: string; datatype: string; shape: number[] }[] {
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).map(([name, field]) => {
    let def = field._zod.def as { type: string; innerType?: z.ZodType };
    while (def.innerType) def = def.innerType._zod.def as typeof def;
    return { name, datatype: def.type === "number" ? "FP32" : "BYTES", shape: [-1] };
  });
}

/** A column of n values: shape `[n]`, or `[n, 1]` as clients that send 2-D batches do. */
const isColumn = (shape: readonly number[], n: number) =>
  shape[0] === n && (shape.length === 1 || (shape.length === 2 && shape[1] === 1));

/**
 * Turns named column tensors (one per input field, all of shape [n] or [n, 1]) into n
 * instances. A batch of columns with different lengths is a 422 naming the offending tensor.
 */
export function instancesFromTensors(inputs: readonly InferTensor[]): Record<string, unknown>[] {
  const size = inputs[0].data.length;
  inputs.forEach((tensor, index) => {
    if (tensor.data.length !== size || !isColumn(tensor.shape, size)) {
      const expected = `must be [${size}] or [${size}, 1], the length of the first input's data`;
      throw new InvalidInputError(`Tensor "${tensor.name}" shape ${expected}`, [
        { path: `inputs.${index}.shape`, message: expected },
      ]);
    }
  });
  return Array.from({ length: size }, (_, row) =>
    Object.fromEntries(
      inputs.filter((tensor) => tensor.data[row] !== null).map((
        tensor,
      ) => [tensor.name, tensor.data[row]]),
    ));
}

/** Output tensors: per head the labels and the row-major class probabilities; plus prediction ids. */
export function outputTensors(
  heads: readonly Head[],
  predictions: readonly { predictionId: string; outputs: HeadOutput[] }[],
): InferTensor[] {
  const bytes = (name: string, data: string[]): InferTensor => ({
    name,
    shape: [data.length],
    datatype: "BYTES",
    data,
  });
  const n = predictions.length;
  return [
    ...heads.flatMap((head, h) => [
      bytes(`${head.name}_label`, predictions.map((p) => p.outputs[h].label)),
      {
        name: `${head.name}_probabilities`,
        shape: [n, head.classes.length],
        datatype: "FP32" as const,
        data: predictions.flatMap((p) => head.classes.map((c) => p.outputs[h].scores[c])),
      },
    ]),
    bytes("prediction_id", predictions.map((p) => p.predictionId)),
  ];
}
