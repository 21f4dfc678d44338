import { createHash } from 'node:crypto';

export interface SeededBytes {
  /** The next `length` bytes of the stream. */
  bytes(length: number): Buffer;
  /** A version-4 UUID (as crypto.randomUUID() shapes it) built from the next 16 bytes. */
  uuid(): string;
}

/**
 * A reproducible stream of random-looking bytes: SHA-256 of `<seed>:<counter>`, block after block.
 * For tests that check a property over many random values: the same seed gives the same values on
 * every run and machine, so a value that breaks the property fails every run instead of one in many.
 */
export function seededBytes(seed: string): SeededBytes {
  let counter = 0;
  let pool = Buffer.alloc(0);
  const bytes = (length: number): Buffer => {
    const blocks: Buffer[] = [pool];
    let available = pool.length;
    while (available < length) {
      const block = createHash('sha256').update(`${seed}:${counter}`).digest();
      counter += 1;
      blocks.push(block);
      available += block.length;
    }
    const joined = Buffer.concat(blocks);
    pool = joined.subarray(length);
    return Buffer.from(joined.subarray(0, length));
  };
  return {
    bytes,
    uuid() {
      const value = bytes(16);
      // RFC 9562 version 4: the version nibble is 4 and the variant bits are 10
      value.writeUInt8((value.readUInt8(6) & 0x0f) | 0x40, 6);
      value.writeUInt8((value.readUInt8(8) & 0x3f) | 0x80, 8);
      const hex = value.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
