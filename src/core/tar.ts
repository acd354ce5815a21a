// A minimal, deterministic tar archive (POSIX ustar): regular files only, mode 0644, owner 0, mtime 0, so the same
// files always give the same bytes. Framework extracts archives a data loader writes (src/data/adam.tgz.ts).

import {createReadStream, statSync} from "node:fs";

const BLOCK = 512;

/** Writes `value` into `header` at `offset` as NUL-terminated octal of `width` bytes. */
function octal(header: Buffer, offset: number, width: number, value: number): void {
  header.write(value.toString(8).padStart(width - 1, "0") + "\0", offset, width, "ascii");
}

function header(name: string, size: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: file name longer than 100 bytes: ${name}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  octal(block, 100, 8, 0o644); // mode
  octal(block, 108, 8, 0); // uid
  octal(block, 116, 8, 0); // gid
  octal(block, 124, 12, size);
  octal(block, 136, 12, 0); // mtime
  block.fill(" ", 148, 156); // checksum field counts as spaces while summing
  block.write("0", 156, 1, "ascii"); // regular file
  block.write("ustar\0" + "00", 257, 8, "ascii");
  const sum = block.reduce((total, byte) => total + byte, 0);
  block.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8, "ascii");
  return block;
}

/** Zeros from the end of a file's content to the end of its last block. */
const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
const END = Buffer.alloc(2 * BLOCK);

/** The tar archive of `files` (name → content), in the given order. */
export function tar(files: ReadonlyArray<readonly [string, Buffer]>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of files) parts.push(header(name, content.length), content, padding(content.length));
  parts.push(END);
  return Buffer.concat(parts);
}

/**
 * The same archive of files on disk (name in the archive → path), as a stream of chunks: the ADaM files of 10^6
 * patients are 1.3 GB, which need not be in memory at once, and a file of 2 GiB cannot be in one buffer.
 */
export async function* tarFiles(files: ReadonlyArray<readonly [string, string]>): AsyncGenerator<Buffer> {
  for (const [name, path] of files) {
    const {size} = statSync(path);
    yield header(name, size);
    let read = 0;
    for await (const chunk of createReadStream(path)) {
      read += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (read !== size) throw new Error(`tar: ${path} changed while it was archived`);
    yield padding(size);
  }
  yield END;
}
