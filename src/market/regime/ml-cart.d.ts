// Types for ml-cart 2.x (the package ships none): the regression tree the boosting loop fits to residuals.
declare module 'ml-cart' {
  export class DecisionTreeRegression {
    constructor(options?: { maxDepth?: number; minNumSamples?: number; gainFunction?: 'regression' });
    train(x: number[][], y: number[]): void;
    predict(x: number[][]): number[];
  }
}
