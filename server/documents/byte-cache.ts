/**
 * Least-recently-used byte buffers under a total size, so a busy server keeps its hot documents
 * without its memory growing with the number of invoices. A Map iterates in insertion order:
 * re-inserting on every hit keeps the coldest entry first.
 */
/** PDF bytes as a Response body accepts them. */
export type Bytes = Uint8Array<ArrayBuffer>;

export class ByteCache {
  private readonly entries = new Map<string, Bytes>();
  private size = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.size;
  }

  get count(): number {
    return this.entries.size;
  }

  get(key: string): Bytes | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores the value unless it alone would take over a quarter of the budget. */
  set(key: string, value: Bytes): void {
    this.remove(key);
    if (value.byteLength * 4 > this.maxBytes) return;
    this.entries.set(key, value);
    this.size += value.byteLength;
    for (const [coldest, old] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(coldest);
      this.size -= old.byteLength;
    }
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.size -= old.byteLength;
  }
}
