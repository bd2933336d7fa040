// The meta-selector: predicts a regime's winning strategy before any simulation, from the run history's past winners
// in that regime (a majority vote; the overall majority for a regime never seen), and scores itself prequentially.

export interface PastWinner {
  regime: string;
  winner: string;
}

export interface MetaPrediction {
  winner: string;
  /** Past runs the vote used, and the share of them this winner took. */
  support: number;
  share: number;
  fromRegime: boolean;
}

export interface MetaSelector {
  predict(regime: string): MetaPrediction | undefined;
  /**
   * Prequential accuracy (Dawid 1984): each past run predicted from the runs before it only, in history order;
   * recentAccuracy is the same over the last `recentWindow` runs, to show it improving as history grows.
   */
  accuracy: number;
  recentAccuracy: number;
  evaluated: number;
}

function vote(counts: Map<string, number> | undefined): { winner: string; support: number; share: number } | undefined {
  if (!counts || counts.size === 0) return undefined;
  let winner = '',
    best = -1,
    total = 0;
  for (const [name, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    total += n;
    if (n > best) {
      best = n;
      winner = name;
    }
  }
  return { winner, support: total, share: best / total };
}

export function trainMetaSelector(history: PastWinner[], recentWindow = 20): MetaSelector {
  const byRegime = new Map<string, Map<string, number>>(),
    overall = new Map<string, number>();
  const hits: boolean[] = [];
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const predict = (regime: string): MetaPrediction | undefined => {
    const own = vote(byRegime.get(regime));
    if (own) return { ...own, fromRegime: true };
    const all = vote(overall);
    return all ? { ...all, fromRegime: false } : undefined;
  };
  for (const h of history) {
    const p = predict(h.regime);
    if (p) hits.push(p.winner === h.winner);
    if (!byRegime.has(h.regime)) byRegime.set(h.regime, new Map());
    add(byRegime.get(h.regime)!, h.winner);
    add(overall, h.winner);
  }
  const rate = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : NaN);
  return { predict, accuracy: rate(hits), recentAccuracy: rate(hits.slice(-recentWindow)), evaluated: hits.length };
}
