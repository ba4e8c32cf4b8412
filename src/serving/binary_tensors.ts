/**
 * The Open Inference Protocol's binary tensor data extension: a JSON header, then each binary
 * tensor's raw bytes in order, the header's length in `Inference-Header-Content-Length`.
 * Numbers are little-endian, BOOL one byte, BYTES each element a 4-byte little-endian length
 * followed by its bytes.
 * @module
 */
import { InvalidInputError } from "../domain/errors.ts";
import type { InferTensor, TensorDatatype } from "./inference_tensors.ts";

/** Bytes per element of each fixed-size datatype. */
const widths: Record<Exclude<TensorDatatype, "BYTES">, number> = {
  BOOL: 1,
  UINT8: 1,
  INT8: 1,
  UINT16: 2,
  INT16: 2,
  UINT32: 4,
  INT32: 4,
  UINT64: 8,
  INT64: 8,
  FP32: 4,
  FP64: 8,
};

type Reader = (view: DataView, offset: number) => number | boolean;
const readers: Record<Exclude<TensorDatatype, "BYTES">, Reader> = {
  BOOL: (v, o) => v.getUint8(o) !== 0,
  UINT8: (v, o) => v.getUint8(o),
  INT8: (v, o) => v.getInt8(o),
  UINT16: (v, o) => v.getUint16(o, true),
  INT16: (v, o) => v.getInt16(o, true),
  UINT32: (v, o) => v.getUint32(o, true),
  INT32: (v, o) => v.getInt32(o, true),
  UINT64: (v, o) => Number(v.getBigUint64(o, true)),
  INT64: (v, o) => Number(v.getBigInt64(o, true)),
  FP32: (v, o) => v.getFloat32(o, true),
  FP64: (v, o) => v.getFloat64(o, true),
};

type Writer = (view: DataView, offset: number, value: unknown) => void;
const writers: Record<Exclude<TensorDatatype, "BYTES">, Writer> = {
  BOOL: (v, o, x) => v.setUint8(o, x ? 1 : 0),
  UINT8: (v, o, x) => v.setUint8(o, Number(x)),
  INT8: (v, o, x) => v.setInt8(o, Number(x)),
  UINT16: (v, o, x) => v.setUint16(o, Number(x), true),
  INT16: (v, o, x) => v.setInt16(o, Number(x), true),
  UINT32: (v, o, x) => v.setUint32(o, Number(x), true),
  INT32: (v, o, x) => v.setInt32(o, Number(x), true),
  UINT64: (v, o, x) => v.setBigUint64(o, BigInt(Number(x)), true),
  INT64: (v, o, x) => v.setBigInt64(o, BigInt(Number(x)), true),
  FP32: (v, o, x) => v.setFloat32(o, Number(x), true),
  FP64: (v, o, x) => v.setFloat64(o, Number(x), true),
};

const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** The values of one tensor's raw bytes; throws a named error when they do not fit its type. */
export function decodeTensorData(
  name: string,
  datatype: TensorDatatype,
  bytes: Uint8Array,
): (string | number | boolean)[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const invalid = (message: string) =>
    new InvalidInputError(`Tensor "${name}": ${message}`, [{ path: name, message }]);
  if (datatype === "BYTES") {
    const values: string[] = [];
    for (let offset = 0; offset < bytes.length;) {
      if (offset + 4 > bytes.length) throw invalid("BYTES element cut short in its length");
      const length = view.getUint32(offset, true);
      offset += 4;
      if (offset + length > bytes.length) throw invalid("BYTES element longer than its data");
      try {
        values.push(utf8.decode(bytes.subarray(offset, offset + length)));
      } catch {
        throw invalid("BYTES element is not UTF-8 text");
      }
      offset += length;
    }
    return values;
  }
  const width = widths[datatype];
  if (bytes.length % width !== 0) {
    throw invalid(`${bytes.length} bytes are not a whole number of ${datatype} elements`);
  }
  return Array.from({ length: bytes.length / width }, (_, i) => readers[datatype](view, i * width));
}

/** The raw bytes of one tensor's values (strings as UTF-8 for BYTES). */
export function encodeTensorData(tensor: InferTensor): Uint8Array {
  if (tensor.datatype === "BYTES") {
    const parts = tensor.data.map((value) => encoder.encode(String(value)));
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + 4 + part.length, 0));
    const view = new DataView(bytes.buffer);
    let offset = 0;
    for (const part of parts) {
      view.setUint32(offset, part.length, true);
      bytes.set(part, offset + 4);
      offset += 4 + part.length;
    }
    return bytes;
  }
  const width = widths[tensor.datatype];
  const bytes = new Uint8Array(tensor.data.length * width);
  const view = new DataView(bytes.buffer);
  const write = writers[tensor.datatype];
  tensor.data.forEach((value, i) => write(view, i * width, value));
  return bytes;
}

/** Reads one request body: plain JSON, or (with `headerLength`) a JSON header and tensor bytes. */
export function readInferBody(body: Uint8Array, headerLength: number | undefined): unknown {
  const headerEnd = headerLength ?? body.length;
  if (!Number.isInteger(headerEnd) || headerEnd < 0 || headerEnd > body.length) {
    const message = `must be a length within the body's ${body.length} bytes`;
    throw new InvalidInputError(`Inference-Header-Content-Length ${message}`, [
      { path: "Inference-Header-Content-Length", message },
    ]);
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(body.subarray(0, headerEnd)));
  } catch {
    throw new InvalidInputError("Malformed JSON in request body", []);
  }
  const inputs = (header as { inputs?: unknown } | null)?.inputs;
  if (!Array.isArray(inputs)) return header;
  let offset = headerEnd;
  for (const [index, input] of inputs.entries()) {
    const size = input?.parameters?.binary_data_size;
    if (size === undefined) continue;
    const path = `inputs.${index}.parameters.binary_data_size`;
    if (!Number.isInteger(size) || size < 0 || offset + size > body.length) {
      const message = `must be a byte count within the ${body.length - offset} bytes left`;
      throw new InvalidInputError(`Tensor "${input.name}" binary_data_size ${message}`, [
        { path, message },
      ]);
    }
    const datatype = input.datatype as TensorDatatype;
    if (datatype !== "BYTES" && !(datatype in widths)) {
      const message = `must be one of ${["BYTES", ...Object.keys(widths)].join(", ")}`;
      throw new InvalidInputError(`Tensor "${input.name}" datatype ${message}`, [
        { path: `inputs.${index}.datatype`, message },
      ]);
    }
    input.data = decodeTensorData(
      String(input.name),
      datatype,
      body.subarray(offset, offset + size),
    );
    offset += size;
  }
  if (offset !== body.length) {
    const message = `${body.length - offset} bytes after the last binary tensor`;
    throw new InvalidInputError(`The body has ${message}`, [{ path: "inputs", message }]);
  }
  return header;
}

/**
 * A response with the named outputs moved to binary: each loses its `data` and gains
 * `parameters.binary_data_size`; the bytes follow the JSON header in output order.
 */
export function binaryInferResponse<T extends { outputs: InferTensor[] }>(
  response: T,
  binary: (name: string) => boolean,
): { body: Uint8Array<ArrayBuffer>; headerLength: number } {
  const blobs: Uint8Array[] = [];
  const outputs = response.outputs.map((tensor) => {
    if (!binary(tensor.name)) return tensor;
    const bytes = encodeTensorData(tensor);
    blobs.push(bytes);
    const { data: _data, ...rest } = tensor;
    return { ...rest, parameters: { binary_data_size: bytes.length } };
  });
  const header = encoder.encode(JSON.stringify({ ...response, outputs }));
  const body = new Uint8Array(header.length + blobs.reduce((sum, b) => sum + b.length, 0));
  body.set(header);
  let offset = header.length;
  for (const blob of blobs) {
    body.set(blob, offset);
    offset += blob.length;
  }
  return { body, headerLength: header.length };
}
