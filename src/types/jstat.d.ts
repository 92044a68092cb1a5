/** The part of jStat 1.9.6 (MIT) the cohort statistics use; the package ships no types. */
declare module 'jstat' {
  interface Distribution {
    inv(p: number, ...params: number[]): number;
    cdf(x: number, ...params: number[]): number;
  }
  export const jStat: {
    readonly studentt: Distribution;
    readonly normal: Distribution;
  };
}
