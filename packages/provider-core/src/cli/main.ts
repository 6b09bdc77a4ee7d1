/** Entry point of the rke2-edge binary: wires runCli to the process. */
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatBytes } from '../limits.js';
import { printable } from '../lint/unsafeText.js';
import { runCli } from './runCli.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads chunks until the end, stopping as soon as there are more than `maxBytes`. */
async function readAtMost(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) throw new Error(`it is larger than ${formatBytes(maxBytes)}, more than rke2-edge opens`);
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

async function readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  if (path === '-') return readAtMost(process.stdin, maxBytes);
  const file = await open(path, 'r');
  try {
    // The size first, so a huge file is refused without reading it; then a bounded read, for
    // files whose size is not known in advance (pipes, devices).
    if ((await file.stat()).size > maxBytes) throw new Error(`it is larger than ${formatBytes(maxBytes)}, more than rke2-edge opens`);
    return await readAtMost(file.createReadStream({ autoClose: false }), maxBytes);
  } finally {
    await file.close();
  }
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  // Messages quote values from the files read: shown escaped, they cannot move the cursor or add lines.
  stderr: (text) => process.stderr.write(printable(text, ['\n'])),
  readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  readBytes,
  writeFile: async (path, data) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  },
});
process.exitCode = code;
