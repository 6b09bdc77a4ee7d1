/**
 * Unpacking a raw deflate stream (zip entries, share links) with a bound on what comes out: the
 * output is counted as it arrives and the stream is cancelled as soon as the count passes the
 * bound, so a small input that would unpack to gigabytes ("zip bomb") costs only the bound.
 * Web streams (DecompressionStream): the same in browsers, web workers and Node.
 */

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'too-large' | 'damaged' };

/**
 * Input is fed in slices of this size, each awaited, so even a DecompressionStream that ignored
 * back-pressure could produce at most about 1,032 times this much (deflate's best ratio) before
 * the count is checked again.
 */
const INPUT_SLICE = 4 * 1024;

export async function inflateRaw(compressed: Uint8Array, maxBytes: number): Promise<InflateResult> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Errors surface on the reading side; the writing side only stops when the stream does.
  void (async () => {
    for (let at = 0; at < compressed.length; at += INPUT_SLICE)
      await writer.write(compressed.subarray(at, at + INPUT_SLICE) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      total += read.value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: 'too-large' };
      }
      chunks.push(read.value);
    }
  } catch {
    await reader.cancel().catch(() => undefined);
    return { ok: false, problem: 'damaged' };
  }
  return { ok: true, bytes: concatBytes(chunks, total) };
}

export function concatBytes(chunks: readonly Uint8Array[], total = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
