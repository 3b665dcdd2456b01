/**
 * Times `first` and `second` `runs` times each, side by side, alternating which of the two goes first so that the
 * machine's load drift falls on both alike; a full GC (with --expose-gc) before each measurement. `between` runs after
 * each pair, untimed by this (a bench may time something of its own there). Answers the durations in ms, per run.
 */
export async function timeAlternating(
  runs: number,
  first: () => unknown,
  second: () => unknown,
  between?: () => void,
): Promise<[first: number[], second: number[]]> {
  const a: number[] = [];
  const b: number[] = [];
  const time = async (work: () => unknown, into: number[]) => {
    globalThis.gc?.();
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
