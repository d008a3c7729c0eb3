/**
 * A small synchronous zlib (RFC 1950/1951) decoder, enough to read the App ID inside an
 * AccessToken2 as 2.3.0 does during `login()` without an asynchronous stream. Throws on
 * malformed input.
 */

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface Huffman {
  counts: number[];
  symbols: number[];
}

function huffman(lengths: number[]): Huffman {
  const counts = new Array<number>(16).fill(0);
  for (const length of lengths) counts[length]++;
  counts[0] = 0;
  const offsets = [0, 0];
  for (let bits = 1; bits < 15; bits++) offsets[bits + 1] = offsets[bits] + counts[bits];
  const symbols = new Array<number>(lengths.length);
  lengths.forEach((length, symbol) => {
    if (length) symbols[offsets[length]++] = symbol;
  });
  return { counts, symbols };
}

class BitReader {
  #bytes: Uint8Array;
  #pos = 0;
  #bit = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  bits(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++) {
      if (this.#pos >= this.#bytes.length) throw new Error('inflate: unexpected end of data');
      value |= ((this.#bytes[this.#pos] >> this.#bit) & 1) << i;
      if (++this.#bit === 8) {
        this.#bit = 0;
        this.#pos++;
      }
    }
    return value;
  }

  decode(table: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let length = 1; length < 16; length++) {
      code |= this.bits(1);
      const count = table.counts[length];
      if (code - first < count) return table.symbols[index + code - first];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Error('inflate: bad code');
  }

  /** Stored block: skip to the byte boundary, LEN, NLEN, then raw bytes. */
  stored(out: number[]): void {
    if (this.#bit) {
      this.#bit = 0;
      this.#pos++;
    }
    const bytes = this.#bytes;
    if (this.#pos + 4 > bytes.length) throw new Error('inflate: unexpected end of data');
    const length = bytes[this.#pos] | (bytes[this.#pos + 1] << 8);
    this.#pos += 4;
    if (this.#pos + length > bytes.length) throw new Error('inflate: unexpected end of data');
    for (let i = 0; i < length; i++) out.push(bytes[this.#pos++]);
  }
}

const FIXED_LITERALS = huffman([...new Array(144).fill(8), ...new Array(112).fill(9), ...new Array(24).fill(7), ...new Array(8).fill(8)]);
const FIXED_DISTANCES = huffman(new Array(30).fill(5));

function dynamicTables(reader: BitReader): [Huffman, Huffman] {
  const literalCount = reader.bits(5) + 257;
  const distanceCount = reader.bits(5) + 1;
  const codeCount = reader.bits(4) + 4;
  const codeLengths = new Array<number>(19).fill(0);
  for (let i = 0; i < codeCount; i++) codeLengths[CODE_LENGTH_ORDER[i]] = reader.bits(3);
  const codeTable = huffman(codeLengths);
  const lengths: number[] = [];
  while (lengths.length < literalCount + distanceCount) {
    const symbol = reader.decode(codeTable);
    if (symbol < 16) lengths.push(symbol);
    else if (symbol === 16) {
      if (lengths.length === 0) throw new Error('inflate: repeat without a length');
      const previous = lengths[lengths.length - 1];
      for (let n = 3 + reader.bits(2); n > 0; n--) lengths.push(previous);
    } else {
      for (let n = symbol === 17 ? 3 + reader.bits(3) : 11 + reader.bits(7); n > 0; n--) lengths.push(0);
    }
  }
  return [huffman(lengths.slice(0, literalCount)), huffman(lengths.slice(literalCount))];
}

export function inflateZlib(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2 || (bytes[0] & 0x0f) !== 8 || ((bytes[0] << 8) | bytes[1]) % 31 !== 0) throw new Error('inflate: not zlib');
  const reader = new BitReader(bytes.subarray(2));
  const out: number[] = [];
  let last = 0;
  while (!last) {
    last = reader.bits(1);
    const type = reader.bits(2);
    if (type === 0) {
      reader.stored(out);
      continue;
    }
    if (type === 3) throw new Error('inflate: bad block type');
    const [literals, distances] = type === 1 ? [FIXED_LITERALS, FIXED_DISTANCES] : dynamicTables(reader);
    for (let symbol = reader.decode(literals); symbol !== 256; symbol = reader.decode(literals)) {
      if (symbol < 256) {
        out.push(symbol);
        continue;
      }
      const lengthIndex = symbol - 257;
      if (lengthIndex >= LENGTH_BASE.length) throw new Error('inflate: bad length');
      const length = LENGTH_BASE[lengthIndex] + reader.bits(LENGTH_EXTRA[lengthIndex]);
      const distanceIndex = reader.decode(distances);
      if (distanceIndex >= DIST_BASE.length) throw new Error('inflate: bad distance');
      const distance = DIST_BASE[distanceIndex] + reader.bits(DIST_EXTRA[distanceIndex]);
      if (distance > out.length) throw new Error('inflate: distance too far back');
      for (let i = 0; i < length; i++) out.push(out[out.length - distance]);
    }
  }
  return Uint8Array.from(out);
}
