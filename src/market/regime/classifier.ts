// The learned regime classifier: a random forest (ml-random-forest) and gradient-boosted regression trees (ml-cart
// trees, softmax boosting loop below) averaged in probability, trained on a time-ordered split to predict the next
// window's HH/HL/LH/LL label from this window's features.
import { RandomForestClassifier } from 'ml-random-forest';
import { DecisionTreeRegression } from 'ml-cart';

export interface ClassifierReport {
  classes: readonly string[];
  trainWindows: number;
  testWindows: number;
  /** Accuracy on the test (later) windows of the forest, the boosted trees, their ensemble, and two baselines. */
  accuracy: { forest: number; boosted: number; ensemble: number; persistence: number; majority: number };
  /** confusion[actual][predicted] of the ensemble on the test windows, counts. */
  confusion: number[][];
}

export interface ClassifierOptions {
  /** Fraction of the windows (the earliest) used to train. */
  trainFraction?: number;
  seed?: number;
  trees?: number;
  boostingRounds?: number;
}

/**
 * Multiclass gradient boosting with the softmax loss (Friedman 2001, Ann. Statist. 29, 1189-1232, algorithm 6):
 * each round fits one regression tree per class to the residual y_k - p_k and adds it with a learning rate.
 */
function boost(x: number[][], y: number[], classes: number, rounds: number, rate = 0.1): (x: number[][]) => number[][] {
  const trees: DecisionTreeRegression[][] = [];
  const score = x.map(() => new Array<number>(classes).fill(0));
  const softmax = (s: number[]) => {
    const m = Math.max(...s);
    const e = s.map((v) => Math.exp(v - m));
    const t = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / t);
  };
  for (let r = 0; r < rounds; r++) {
    const p = score.map(softmax);
    const round: DecisionTreeRegression[] = [];
    for (let k = 0; k < classes; k++) {
      const tree = new DecisionTreeRegression({ maxDepth: 3, minNumSamples: 5 });
      tree.train(
        x,
        y.map((c, i) => (c === k ? 1 : 0) - p[i]![k]!),
      );
      const step = tree.predict(x);
      for (let i = 0; i < x.length; i++) score[i]![k]! += rate * step[i]!;
      round.push(tree);
    }
    trees.push(round);
  }
  return (z) => {
    const s = z.map(() => new Array<number>(classes).fill(0));
    for (const round of trees)
      round.forEach((tree, k) => {
        tree.predict(z).forEach((v, i) => {
          s[i]![k]! += rate * v;
        });
      });
    return s.map(softmax);
  };
}

const argmax = (p: number[]) => p.reduce((best, v, i) => (v > p[best]! ? i : best), 0);

/** Trains on the first windows, tests on the rest; labels are class indices; `current` is each window's own label. */
export function trainRegimeClassifier(
  features: number[][],
  current: number[],
  classes: readonly string[],
  o: ClassifierOptions = {},
): ClassifierReport | undefined {
  // pairs (features of window t, label of window t+1)
  const x = features.slice(0, -1).map((row) => row.map((v) => (Number.isFinite(v) ? v : 0)));
  const y = current.slice(1);
  const nTrain = Math.floor(x.length * (o.trainFraction ?? 0.7));
  if (nTrain < 10 || x.length - nTrain < 5 || new Set(y.slice(0, nTrain)).size < 2) return undefined;
  const [xTrain, yTrain, xTest, yTest] = [x.slice(0, nTrain), y.slice(0, nTrain), x.slice(nTrain), y.slice(nTrain)];
  const forest = new RandomForestClassifier({
    seed: o.seed ?? 3,
    nEstimators: o.trees ?? 50,
    maxFeatures: 0.6,
    replacement: true,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: 6, minNumSamples: 3 },
  });
  forest.train(xTrain, yTrain);
  const forestProb = xTest.map(() => new Array<number>(classes.length).fill(0));
  classes.forEach((_, k) => {
    const p = forest.predictProbability(xTest, k);
    p.forEach((v: number, i: number) => {
      forestProb[i]![k] = v;
    });
  });
  const boosted = boost(xTrain, yTrain, classes.length, o.boostingRounds ?? 30)(xTest);
  const ensemble = forestProb.map((p, i) => p.map((v, k) => (v + boosted[i]![k]!) / 2));
  const acc = (pred: number[]) => pred.filter((c, i) => c === yTest[i]).length / yTest.length;
  const counts = new Array<number>(classes.length).fill(0);
  for (const c of yTrain) counts[c]!++;
  const majority = argmax(counts);
  const confusion = classes.map(() => new Array<number>(classes.length).fill(0));
  const ensemblePred = ensemble.map(argmax);
  yTest.forEach((c, i) => {
    confusion[c]![ensemblePred[i]!]!++;
  });
  return {
    classes,
    trainWindows: nTrain,
    testWindows: yTest.length,
    accuracy: {
      forest: acc(forestProb.map(argmax)),
      boosted: acc(boosted.map(argmax)),
      ensemble: acc(ensemblePred),
      persistence: acc(current.slice(nTrain, nTrain + yTest.length)),
      majority: acc(yTest.map(() => majority)),
    },
    confusion,
  };
}
