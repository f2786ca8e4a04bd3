/**
 * IMRPhenomXHM intermediate phase-derivative collocation values of the (2,1) and (3,3) modes (version 122019, arXiv:2001.10914 Sec. IV).
 * Coefficients as in LALSimulation (LALSimIMRPhenomXHM_intermediate.c); arguments in HMFitVars (fit-vars.ts).
 */
import type { HMFitVars } from './fit-vars.js';

/** (2,1) intermediate phase-derivative collocation value 1 (LAL's IMRPhenomXHM_Inter_Phase_21_p1, 122019). */
export function interPhase21V1(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 4045.84 + 7.63226/eta - 1956.93*eta - 23428.1*eta2 + 369153.*eta3 - 2.28832e6*eta4 + 6.82533e6*eta5 - 7.86254e6*eta6;
  const eqSpin = - 347.273*S + 83.5428*S2 - 355.67*S3 + (4.44457*S + 16.5548*S2 + 13.6971*S3)/eta + eta*( - 79.761*S - 355.299*S2 + 1114.51*S3 - 1077.75*S4) + 92.6654*S4 + eta2*(- 619.837*S - 722.787*S2 + 2392.73*S3 + 2689.18*S4);
  const uneqSpin = ( 918.976*v.chi1*Math.sqrt(1.-4.*eta) - 918.976*v.chi2*Math.sqrt(1.-4.*eta))*eta + ( 91.7679*v.chi1*Math.sqrt(1.-4.*eta) - 91.7679*v.chi2*Math.sqrt(1.-4.*eta))*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (2,1) intermediate phase-derivative collocation value 2 (LAL's IMRPhenomXHM_Inter_Phase_21_p2, 122019). */
export function interPhase21V2(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = eta2*eta;
  const eta4 = eta3*eta;
  const eta5 = eta3*eta2;
  const eta6 = eta4*eta2;
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = S3*S;
  const noSpin = 3509.09 + 0.91868/eta + 194.72*eta - 27556.2*eta2 + 369153.*eta3 - 2.28832e6*eta4 + 6.82533e6*eta5 - 7.86254e6*eta6;
  const eqSpin = ((0.7083999999999999 - 60.1611*eta + 131.815*eta2 - 619.837*eta3)*S + (6.104720000000001 - 59.2068*eta + 278.588*eta2 - 722.787*eta3)*S2 + (5.7791 + 117.913*eta - 1180.4*eta2 + 2392.73*eta3)*S3 + eta*(92.6654 - 1077.75*eta + 2689.18*eta2)*S4)/(eta);
  const uneqSpin = -91.7679*Math.sqrt(1.-4.*eta)*eta*(v.chi1*(-1.6012352903357276 - 1.*eta) + v.chi2*(1.6012352903357276 + 1.*eta));
  return noSpin + eqSpin + uneqSpin;
}

/** (2,1) intermediate phase-derivative collocation value 3 (LAL's IMRPhenomXHM_Inter_Phase_21_p3, 122019). */
export function interPhase21V3(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const delta = Math.sqrt(1.-4.*eta);
  const eta2 = Math.pow(eta,2);
  const eta3 = eta2*eta;
  const eta4 = eta2*eta2;
  const eta5 = eta2*eta3;
  const eta6 = eta3*eta3;
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3241.68 + 890.016*eta - 28651.9*eta2 + 369153.*eta3 - 2.28832e6*eta4 + 6.82533e6*eta5 - 7.86254e6*eta6;
  const eqSpin = (-2.2484 + 187.641*eta - 619.837*eta2)*S + (3.22603 + 166.323*eta - 722.787*eta2)*S2 + (117.913 - 1094.59*eta + 2392.73*eta2)*S3 + (92.6654 - 1077.75*eta + 2689.18*eta2)*S4;
  const uneqSpin = 91.7679*(v.dchi)*delta*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (2,1) intermediate phase-derivative collocation value 4 (LAL's IMRPhenomXHM_Inter_Phase_21_p4, 122019). */
export function interPhase21V4(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3160.88 + 974.355*eta - 28932.5*eta2 + 369780.*eta3 - 2.28832e6*eta4 + 6.82533e6*eta5 - 7.86254e6*eta6;
  const eqSpin = (26.3355 - 196.851*eta + 438.401*eta2)*S + (45.9957 - 256.248*eta + 117.563*eta2)*S2 + (-20.0261 + 467.057*eta - 1613.*eta2)*S3 + (-61.7446 + 577.057*eta - 1096.81*eta2)*S4;
  const uneqSpin = 65.3326*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (2,1) intermediate phase-derivative collocation value 5 (LAL's IMRPhenomXHM_Inter_Phase_21_p5, 122019). */
export function interPhase21V5(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3102.36 + 315.911*eta - 1688.26*eta2 + 3635.76*eta3;
  const eqSpin = (-23.0959 + 320.93*eta - 1029.76*eta2)*S + (-49.5435 + 826.816*eta - 3079.39*eta2)*S2 + (40.7054 - 365.842*eta + 1094.11*eta2)*S3 + (81.8379 - 1243.26*eta + 4689.22*eta2)*S4;
  const uneqSpin = 119.014*(v.dchi)*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (2,1) intermediate phase-derivative collocation value 6 (LAL's IMRPhenomXHM_Inter_Phase_21_p6, 122019). */
export function interPhase21V6(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3089.18 + 4.89194*eta + 190.008*eta2 - 255.245*eta3;
  const eqSpin = (2.96997 + 57.1612*eta - 432.223*eta2)*S + (-18.8929 + 630.516*eta - 2804.66*eta2)*S2 + (-24.6193 + 549.085*eta2)*S3 + (-12.8798 - 722.674*eta + 3967.43*eta2)*S4;
  const uneqSpin = 74.0984*(v.dchi)*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,3) intermediate phase-derivative collocation value 1 (LAL's IMRPhenomXHM_Inter_Phase_33_p1, 122019). */
export function interPhase33V1(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const noSpin = 4360.19 + 4.27128/eta - 8727.4*eta + 18485.9*eta2 + 371303.00000000006*eta3 - 3.22792e6*eta4 + 1.01799e7*eta5 - 1.15659e7*eta6;
  const eqSpin = ((11.6635 - 251.579*eta - 3255.6400000000003*eta2 + 19614.6*eta3 - 34860.2*eta4)*S + (14.8017 + 204.025*eta - 5421.92*eta2 + 36587.3*eta3 - 74299.5*eta4)*S2)/(eta);
  const uneqSpin = eta*(223.65100000000004*v.chi1*Math.sqrt(1.-4.*eta)*(3.9201300240106223 + 1.*eta) - 223.65100000000004*v.chi2*Math.sqrt(1.-4.*eta)*(3.9201300240106223 + 1.*eta));
  return noSpin + eqSpin + uneqSpin;
}

/** (3,3) intermediate phase-derivative collocation value 2 (LAL's IMRPhenomXHM_Inter_Phase_33_p2, 122019). */
export function interPhase33V2(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const noSpin = 3797.06 + 0.786684/eta - 2397.09*eta - 25514.*eta2 + 518314.99999999994*eta3 - 3.41708e6*eta4 + 1.01799e7*eta5 - 1.15659e7*eta6;
  const eqSpin = ((6.7812399999999995 + 39.4668*eta - 3520.37*eta2 + 19614.6*eta3 - 34860.2*eta4)*S + (4.80384 + 293.215*eta - 5914.61*eta2 + 36587.3*eta3 - 74299.5*eta4)*S2)/(eta);
  const uneqSpin = -223.65100000000004*Math.sqrt(1.-4.*eta)*eta*(v.chi1*(-1.3095134830606614 - 1.*eta) + v.chi2*(1.3095134830606614 + 1.*eta));
  return noSpin + eqSpin + uneqSpin;
}

/** (3,3) intermediate phase-derivative collocation value 3 (LAL's IMRPhenomXHM_Inter_Phase_33_p3, 122019). */
export function interPhase33V3(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const noSpin = 3321.83 + 1796.03*eta - 52406.1*eta2 + 605028.*eta3 - 3.52532e6*eta4 + 1.01799e7*eta5 - 1.15659e7*eta6;
  const eqSpin = (223.601 - 3714.77*eta + 19614.6*eta2 - 34860.2*eta3)*S + (314.317 - 5906.46*eta + 36587.3*eta2 - 74299.5*eta3)*S2;
  const uneqSpin = 223.651*(v.dchi)*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,3) intermediate phase-derivative collocation value 4 (LAL's IMRPhenomXHM_Inter_Phase_33_p4, 122019). */
export function interPhase33V4(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 3239.44 - 661.15*eta + 5139.79*eta2 + 3456.2*eta3 - 248477.*eta4 + 1.17255e6*eta5 - 1.70363e6*eta6;
  const eqSpin = (225.859 - 4150.09*eta + 24364.*eta2 - 46537.3*eta3)*S + (35.2439 - 994.971*eta + 8953.98*eta2 - 23603.5*eta3)*S2 + (-310.489 + 5946.15*eta - 35337.1*eta2 + 67102.4*eta3)*S3;
  const uneqSpin = 30.484*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,3) intermediate phase-derivative collocation value 5 (LAL's IMRPhenomXHM_Inter_Phase_33_p5, 122019). */
export function interPhase33V5(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 3114.3 + 2143.06*eta - 49428.3*eta2 + 563997.*eta3 - 3.35991e6*eta4 + 9.99745e6*eta5 - 1.17123e7*eta6;
  const eqSpin = (190.051 - 3705.08*eta + 23046.2*eta2 - 46537.3*eta3)*S + (63.6615 - 1414.2*eta + 10166.1*eta2 - 23603.5*eta3)*S2 + (-257.524 + 5179.97*eta - 33001.4*eta2 + 67102.4*eta3)*S3;
  const uneqSpin = 54.9833*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,3) intermediate phase-derivative collocation value 6 (LAL's IMRPhenomXHM_Inter_Phase_33_p6, 122019). */
export function interPhase33V6(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 3111.46 + 384.121*eta - 13003.6*eta2 + 179537.*eta3 - 1.19313e6*eta4 + 3.79886e6*eta5 - 4.64858e6*eta6;
  const eqSpin = (182.864 - 3834.22*eta + 24532.9*eta2 - 50165.9*eta3)*S + (21.0158 - 746.957*eta + 6701.33*eta2 - 17842.3*eta3)*S2 + (-292.855 + 5886.62*eta - 37382.4*eta2 + 75501.8*eta3)*S3;
  const uneqSpin = 75.5162*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}
