/**
 * IMRPhenomXHM inspiral-phase corrections Lambda (version 122019), used instead of the PN value when eta <= 0.01 (arXiv:2001.10914 App. D).
 * Coefficients as in LALSimulation (LALSimIMRPhenomXHM_inspiral.c); arguments in HMFitVars (fit-vars.ts).
 */
import type { HMFitVars } from './fit-vars.js';

/** (2,1) inspiral phase correction Lambda for eta <= 0.01 (LAL's IMRPhenomXHM_Insp_Phase_21_lambda, 122019). */
export function inspPhase21Lambda(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const S2 = Math.pow(S,2);
  const noSpin = 13.664473636545068 - 170.08866400251395*eta + 3535.657736681598*eta2 - 26847.690494515424*eta3 + 96463.68163125668*eta4 - 133820.89317471132*eta5;
  const eqSpin = (S*(18.52571430563905 - 41.55066592130464*S + eta3*(83493.24265292779 + 16501.749243703132*S - 149700.4915210766*S2) + eta*(3642.5891077598003 + 1198.4163078715173*S - 6961.484805326852*S2) + 33.8697137964237*S2 + eta2*(-35031.361998480075 - 7233.191207000735*S + 62149.00902591944*S2)))/(6.880288191574696 + 1.*S);
  const uneqSpin = -134.27742343186577*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,3) inspiral phase correction Lambda for eta <= 0.01 (LAL's IMRPhenomXHM_Insp_Phase_33_lambda, 122019). */
export function inspPhase33Lambda(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const delta = Math.sqrt(1.-4.*eta);
  const eta2 = Math.pow(eta,2);
  const eta3 = eta2*eta;
  const noSpin = 4.1138398568400705 + 9.772510519809892*eta - 103.92956504520747*eta2 + 242.3428625556764*eta3;
  const eqSpin = ((-0.13253553909611435 + 26.644159828590055*eta - 105.09339163109497*eta2)*S)/(1. + 0.11322426762297967*S);
  const uneqSpin = -19.705359163581168*v.dchi*eta2*delta;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) inspiral phase correction Lambda for eta <= 0.01 (LAL's IMRPhenomXHM_Insp_Phase_32_lambda, 122019). */
export function inspPhase32Lambda(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = (9.913819875501506 + 18.424900617803107*eta - 574.8672384388947*eta2 + 2671.7813055097877*eta3 - 6244.001932443913*eta4)/(1. - 0.9103118343073325*eta);
  const eqSpin = (-4.367632806613781 + 245.06757304950986*eta - 2233.9319708029775*eta2 + 5894.355429022858*eta3)*S + (-1.375112297530783 - 1876.760129419146*eta + 17608.172965575013*eta2 - 40928.07304790013*eta3)*S2 + (-1.28324755577382 - 138.36970336658558*eta + 708.1455154504333*eta2 - 273.23750933544176*eta3)*S3 + (1.8403161863444328 + 2009.7361967331492*eta - 18636.271414571278*eta2 + 42379.205045791656*eta3)*S4;
  const uneqSpin = v.dchi*Math.sqrt(1.-4.*eta)*eta2*(-105.34550407768225 - 1566.1242344157668*v.chi1*eta + 1566.1242344157668*v.chi2*eta + 2155.472229664981*eta*S);
  return noSpin + eqSpin + uneqSpin;
}

/** (4,4) inspiral phase correction Lambda for eta <= 0.01 (LAL's IMRPhenomXHM_Insp_Phase_44_lambda, 122019). */
export function inspPhase44Lambda(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const S2 = Math.pow(S,2);
  const noSpin = 5.254484747463392 - 21.277760168559862*eta + 160.43721442910618*eta2 - 1162.954360723399*eta3 + 1685.5912722190276*eta4 - 1538.6661348106031*eta5;
  const eqSpin = (0.007067861615983771 - 10.945895160727437*eta + 246.8787141453734*eta2 - 810.7773268493444*eta3)*S + (0.17447830920234977 + 4.530539154777984*eta - 176.4987316167203*eta2 + 621.6920322846844*eta3)*S2;
  const uneqSpin = -8.384066369867833*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}
