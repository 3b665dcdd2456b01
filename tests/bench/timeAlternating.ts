/**
 * Times `first` and `second` `runs` times each, side by side, alternating which of the two goes first so that the
 * machine's load drift falls on both alike; a full GC (with --expose-gc) before each measurement. `between` runs after
 * each pair, untimed by this (a bench may time something of its own there). Answers the durations in ms, per run.
 * `forceGc: false` leaves collection to V8, as in the app: a forced full GC can flush the JS code measured right after
 * it (its bytecode and type feedback), so JS work then runs cold while native work (a hash) does not notice.
 */
export async function timeAlternating(
  runs: number,
  first: () => unknown,
  second: () => unknown,
  between?: () => void,
  options: { forceGc?: boolean } = {},
): Promise<[first: number[], second: number[]]> {
  const forceGc = options.forceGc ?? true;
  const a: number[] = [];
  const b: number[] = [];
  const time = async (work: () => unknown, into: number[]) => {
    if (forceGc) globalThis.gc?.();
    const t = performance.now();
    await work();
    into.push(performance.now() - t);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await time(first, a);
      await time(second, b);
    } else {
      await time(second, b);
      await time(first, a);
    }
    between?.();
  }
  return [a, b];
}
