// How much of the machine the phase really had: the CPU time the hypervisor gave to other
// guests ("steal", /proc/stat) while a phase ran, as a share of all the cores' time — on
// average and in the worst second. These machines are shared: in one hour single seconds lost
// up to 47% of the CPU to steal (vmstat), and latency tails and ratios move with it far more
// than with any change to Ronten. Printed beside a phase's figures so that a miss can be told apart from
// a busy host. Where there is no /proc/stat (not Linux), nothing is measured.
import fs from 'node:fs';

export interface Stolen {
  /// Percent of the cores' time stolen over the whole phase.
  meanPct: number;
  /// The worst one-second sample, percent.
  worstSecondPct: number;
}

interface Mark {
  steal: number;
  total: number;
}

function mark(): Mark | null {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is in user)
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: fields[7], total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

const pct = (from: Mark, to: Mark) => (to.total > from.total ? (100 * (to.steal - from.steal)) / (to.total - from.total) : 0);

/// Starts watching; stop() gives the phase's figures (null where they cannot be read).
export function watchMachine(): { stop(): Stolen | null } {
  const first = mark();
  let last = first;
  let worstSecondPct = 0;
  const timer = setInterval(() => {
    const now = mark();
    if (last && now) worstSecondPct = Math.max(worstSecondPct, pct(last, now));
    last = now;
  }, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const end = mark();
      if (!first || !end) return null;
      return { meanPct: pct(first, end), worstSecondPct };
    },
  };
}

/// "CPU stolen 4% (worst second 31%)", or '' where nothing was measured.
export function describeStolen(stolen: readonly (Stolen | null)[]): string {
  const known = stolen.filter((s): s is Stolen => s !== null);
  if (known.length === 0) return '';
  const mean = known.reduce((a, s) => a + s.meanPct, 0) / known.length;
  const worst = Math.max(...known.map((s) => s.worstSecondPct));
  return `CPU stolen ${mean.toFixed(0)}% (worst second ${worst.toFixed(0)}%)`;
}
