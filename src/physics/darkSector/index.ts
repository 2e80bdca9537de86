/**
 * Dark-sector physics of NA64 Explorer (doc/model-dark.md): A′ and Z′ production, yields per
 * particle on target, Poisson limits and exclusion curves, published curves, the (g−2)_μ band.
 * The sensitivity panel needs only what is re-exported here.
 */
export {
  aprimeBremXsecPb,
  aprimeDsigmaDxShape,
  aprimeInvisibleBr,
  aprimeTotalWidthGeV,
  aprimeWidthChiGeV,
  aprimeWidthLeptonsGeV,
  annihilationIntegralPbGeV,
  annihilationXsecPerElectronPb,
  AprimeXTable,
  epsilonOfY,
  kFactor,
  resonanceEnergyApproxGeV,
  resonanceEnergyGeV,
  yOfEpsilon,
  type ChiSpin,
} from './aprime';
export { MCHI_OVER_MA } from './common';
export {
  G_PER_EPSILON,
  eps2OfG,
  sampleZprimeEmission,
  zprimeInvisibleBr,
  zprimeXsecPerEps2Pb,
  ZprimeXTable,
  type ZprimeEmission,
} from './zprime';
export { aprimeYieldPerEot, zprimeYieldPerMot, DEFAULT_ECUT_FRACTION, type AprimeYield, type ZprimeYield } from './yield';
export {
  efficiencyInBox,
  epsilonAtLimit,
  expectedUpperLimit,
  limitCurve,
  optimiseBox,
  poissonCdf,
  poissonUpperLimit,
  upperLimitCount,
  yAtLimit,
  type BoxCandidate,
  type BoxOptimisationInput,
  type LimitInput,
  type LimitMethod,
  type LimitOptions,
  type LimitPoint,
  type SignalSample,
} from './limits';
export { DEFAULT_EPS0, DEFAULT_LIMIT_MASSES_MEV, signalRunParams, signalSampleFromColumns, signalYieldOf } from './sensitivity';
export { NA64E_2019_EPSILON, NA64E_2022_Y, NA64MU_2024_ZPRIME, PUBLISHED_CURVES, epsilonPointsOfY, type PublishedCurve } from './published';
export { DELTA_A_MU, deltaAVector, gMinus2Band } from './gminus2';
