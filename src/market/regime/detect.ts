// Regime detection over a series: the windows' features, labels by thresholds on the history, the label counts, and
// the learned classifier's report.
import type { BarSeries, Session } from '../../data/bars.js';
import { FEATURE_NAMES } from './features.js';
import { QUAD_LABELS } from './labels.js';
import { trainRegimeClassifier, type ClassifierReport } from './classifier.js';
import { labelWindows, type LabelledRegimes } from './label-windows.js';

export type { LabelledWindow } from './label-windows.js';

export interface RegimeReport extends LabelledRegimes {
  classifier?: ClassifierReport;
}

export function detectRegimes(
  series: BarSeries,
  session: Session,
  o: { window?: number; spreadBps?: Float64Array; classifier?: boolean } = {},
): RegimeReport {
  const { raw, ...labelled } = labelWindows(series, session, o);
  const classifier =
    o.classifier === false
      ? undefined
      : trainRegimeClassifier(
          raw.map((w) => FEATURE_NAMES.map((f) => w.features[f])),
          labelled.windows.map((w) => QUAD_LABELS.indexOf(w.label)),
          QUAD_LABELS,
        );
  return { ...labelled, ...(classifier ? { classifier } : {}) };
}
