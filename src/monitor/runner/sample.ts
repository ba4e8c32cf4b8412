/**
 * A uniform sample of at most `cap` items from a stream of unknown length (reservoir
 * sampling, Algorithm R), seeded so a run over the same window keeps the same rows. Below
 * the cap it keeps every item, in order, and a report on it is exact.
 */
export class Reservoir<T> {
  readonly items: T[] = [];
  #seen = 0;
  #state: number;

  constructor(readonly cap: number, seed = 1) {
    if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`sample cap ${cap} is not >= 1`);
    this.#state = seed >>> 0;
  }

  /** Items offered so far. */
  get seen(): number {
    return this.#seen;
  }

  /** Offers one item. */
  add(item: T): void {
    this.#seen++;
    if (this.items.length < this.cap) {
      this.items.push(item);
      return;
    }
    const slot = Math.floor(this.#random() * this.#seen);
    if (slot < this.cap) this.items[slot] = item;
  }

  // mulberry32: small, fast and good enough to pick rows.
  #random(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
