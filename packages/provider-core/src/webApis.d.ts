/**
 * The few Web APIs the core uses, declared for the core's own TypeScript project
 * (src/tsconfig.json), which has neither the DOM lib nor Node's types: with either, a core file
 * could use `document` or `process` and still type-check. Each API here exists, with this
 * shape, in browsers, web workers and Node >= 20 alike (the WinterTC minimum common API), which
 * is what makes the core runnable in all three. Only the members the core calls are declared;
 * a new one is added here, on purpose, after checking it exists in all three.
 *
 * This file is part of the core project only: the web app (DOM lib), the CLI and the tests
 * (Node types) get the full declarations from their own libraries.
 */

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
}

declare function atob(data: string): string;
declare function btoa(data: string): string;

declare function structuredClone<T>(value: T): T;

declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
  readonly subtle: { digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> };
};

type ReadableStreamReadResult<T> = { done: false; value: T } | { done: true; value?: undefined };

interface ReadableStreamDefaultReader<T> {
  read(): Promise<ReadableStreamReadResult<T>>;
  cancel(reason?: unknown): Promise<void>;
}

interface WritableStreamDefaultWriter<T> {
  write(chunk: T): Promise<void>;
  close(): Promise<void>;
}

/** A compression or decompression stream of raw deflate: bytes in, bytes out. */
interface DeflateTransformStream {
  readonly readable: { getReader(): ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>> };
  readonly writable: { getWriter(): WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>> };
}

declare class CompressionStream implements DeflateTransformStream {
  constructor(format: 'deflate-raw');
  readonly readable: DeflateTransformStream['readable'];
  readonly writable: DeflateTransformStream['writable'];
}

declare class DecompressionStream implements DeflateTransformStream {
  constructor(format: 'deflate-raw');
  readonly readable: DeflateTransformStream['readable'];
  readonly writable: DeflateTransformStream['writable'];
}
