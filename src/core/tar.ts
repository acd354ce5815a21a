// A minimal, deterministic tar archive (POSIX ustar): regular files only, mode 0644, owner 0, mtime 0, so the same
// files always give the same bytes. Framework extracts the archives the data loaders write (src/data/*.tgz.ts,
// src/data/adam.tar.ts).

import {createReadStream, statSync} from "node:fs";
import {Readable, type Writable} from "node:stream";
import {pipeline} from "node:stream/promises";
import {createGzip} from "node:zlib";

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

/** A member of the archive: its name and its content, in memory or in a file on disk (read in chunks). */
export type TarEntry = readonly [name: string, content: Buffer | {path: string}];

const entrySize = ([, content]: TarEntry) => (Buffer.isBuffer(content) ? content.length : statSync(content.path).size);

/**
 * The tar archive of `entries`, in the given order, as a stream of chunks: the ADaM files of 10^6 patients are
 * 1.3 GB, which need not be in memory at once, and a file of 2 GiB cannot be in one buffer.
 */
export async function* tar(entries: readonly TarEntry[]): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    const [name, content] = entry;
    const inMemory = Buffer.isBuffer(content);
    const size = entrySize(entry);
    yield header(name, size);
    let read = 0;
    for await (const chunk of inMemory ? [content] : createReadStream(content.path)) {
      read += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (read !== size) throw new Error(`tar: ${name} changed while it was archived`);
    yield padding(size);
  }
  yield Buffer.alloc(2 * BLOCK); // end of archive
}

/**
 * The largest file the site can publish. Framework hashes every file it copies into dist with readFileSync, which
 * refuses a file over 2 GiB − 1 byte: the build then stops with ERR_FS_FILE_TOO_LARGE, minutes in and without naming
 * the file. ADRS's SAS transport file, about 1 340 bytes a patient, reaches it near 1.6 × 10^6 patients (docs/scale.md).
 */
export const SITE_FILE_BYTES = 2 ** 31 - 1;

/** Fails, before anything is written, if a member is over `limit`: one the site could not publish. Names every such member. */
function refuseUnpublishable(entries: readonly TarEntry[], limit: number): void {
  const tooLarge = entries.map((entry) => [entry[0], entrySize(entry)] as const).filter(([, bytes]) => bytes > limit);
  if (tooLarge.length) {
    throw new Error(`the site cannot publish a file over ${limit} bytes (Framework reads each file whole to ` +
      `hash it):\n${tooLarge.map(([name, bytes]) => `  ${name}: ${bytes} bytes`).join("\n")}\nThe cohort's results and ADaM datasets can still be written with ` +
      "`npm run results` and `npm run datasets`.");
  }
}

/**
 * Writes the gzipped archive of `entries` to `out` (a loader's stdout), at the fastest compression: the archive only
 * carries the files to Framework, which extracts them into the site. For small members (the results dataset); a
 * member over `limit` fails it before anything is written.
 */
export async function writeTgz(
  entries: readonly TarEntry[], out: Writable = process.stdout, limit = SITE_FILE_BYTES
): Promise<void> {
  refuseUnpublishable(entries, limit);
  await pipeline(Readable.from(tar(entries)), createGzip({level: 1}), out);
}

/**
 * Writes the uncompressed archive of `entries` to `out`, smallest member first; for large members (the ADaM
 * datasets). Framework extracts one member at a time by reading the archive from its start up to that member, so
 * gzip would be undone once per member (at 10^6 patients 13 members of a 3.3 GB archive: 161 s), and the smallest
 * first is the order that reads the fewest bytes in all. A member over `limit` fails it before anything is written.
 */
export async function writeTar(
  entries: readonly TarEntry[], out: Writable = process.stdout, limit = SITE_FILE_BYTES
): Promise<void> {
  refuseUnpublishable(entries, limit);
  const bySize = entries.map((entry) => ({entry, size: entrySize(entry)}))
    .sort((a, b) => a.size - b.size || (a.entry[0] < b.entry[0] ? -1 : 1));
  await pipeline(Readable.from(tar(bySize.map(({entry}) => entry))), out);
}
