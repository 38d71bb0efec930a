// Compact maps from IMDb id numbers (tt…/nm… without the prefix) to our row ids while importing:
// open addressing over two Int32Arrays, 8 bytes a slot at most half full, against ~50–80 bytes an
// entry for a JS Map. Keys are positive 31-bit integers (0 marks an empty slot).

export class IntMap {
  #keys: Int32Array;
  #values: Int32Array;
  #mask: number;
  #size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.#keys = new Int32Array(n);
    this.#values = new Int32Array(n);
    this.#mask = n - 1;
  }

  get size(): number {
    return this.#size;
  }

  #slot(key: number): number {
    // Fibonacci hashing spreads sequential ids (IMDb's are dense) over the table.
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    const keys = this.#keys;
    for (;;) {
      i &= this.#mask;
      const k = keys[i]!;
      if (k === key || k === 0) return i;
      i++;
    }
  }

  /** The value for `key`, or -1 when absent. */
  get(key: number): number {
    const i = this.#slot(key);
    return this.#keys[i] === key ? this.#values[i]! : -1;
  }

  has(key: number): boolean {
    return this.#keys[this.#slot(key)] === key;
  }

  set(key: number, value: number): void {
    if (!(key > 0 && key <= 0x7fffffff)) throw new RangeError(`IntMap keys are positive 31-bit integers (got ${key})`);
    const i = this.#slot(key);
    if (this.#keys[i] !== key) {
      this.#keys[i] = key;
      this.#size++;
    }
    this.#values[i] = value;
    if (this.#size * 2 > this.#keys.length) this.#grow();
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldValues = this.#values;
    this.#keys = new Int32Array(oldKeys.length * 2);
    this.#values = new Int32Array(oldKeys.length * 2);
    this.#mask = this.#keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k === 0) continue;
      const i = this.#slot(k);
      this.#keys[i] = k;
      this.#values[i] = oldValues[j]!;
    }
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.#keys.byteLength + this.#values.byteLength;
  }
}

/** A set of positive 31-bit integers (an IntMap whose values are ignored). */
export class IntSet {
  readonly #map: IntMap;
  constructor(capacity = 1024) {
    this.#map = new IntMap(capacity);
  }
  get size(): number {
    return this.#map.size;
  }
  has(key: number): boolean {
    return this.#map.has(key);
  }
  add(key: number): void {
    this.#map.set(key, 1);
  }
}
