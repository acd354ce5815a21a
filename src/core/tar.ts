// A minimal, deterministic tar archive (POSIX ustar): regular files only, mode 0644, owner 0, mtime 0, so the same
// files always give the same bytes. Framework extracts archives a data loader writes (src/data/adam.tgz.ts).

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

/** The tar archive of `files` (name → content), in the given order. */
export function tar(files: ReadonlyArray<readonly [string, Buffer]>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of files) {
    parts.push(header(name, content.length), content, Buffer.alloc((BLOCK - (content.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(2 * BLOCK)); // end of archive
  return Buffer.concat(parts);
}
