/**
 * IMRPhenomXHM intermediate phase-derivative collocation values of the (3,2) and (4,4) modes (version 122019, arXiv:2001.10914 Sec. IV).
 * Coefficients as in LALSimulation (LALSimIMRPhenomXHM_intermediate.c); arguments in HMFitVars (fit-vars.ts).
 */
import type { HMFitVars } from './fit-vars.js';

/** (3,2) intermediate phase-derivative collocation value 1 (LAL's IMRPhenomXHM_Inter_Phase_32_p1, 122019). */
export function interPhase32V1(v: HMFitVars): number {
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
  const noSpin = 4414.11 + 4.21564/eta - 10687.8*eta + 58234.6*eta2 - 64068.40000000001*eta3 - 704442.*eta4 + 2.86393e6*eta5 - 3.26362e6*eta6;
  const eqSpin = ((6.39833 - 610.267*eta + 2095.72*eta2 - 3970.89*eta3)*S + (22.956700000000005 - 99.1551*eta + 331.593*eta2 - 794.79*eta3)*S2 + (10.4333 + 43.8812*eta - 541.261*eta2 + 294.289*eta3)*S3 + eta*(106.047 - 1569.0299999999997*eta + 4810.61*eta2)*S4)/(eta);
  const uneqSpin = 132.244*Math.sqrt(1.-4.*eta)*eta*(v.chi1*(6.227738120444028 - 1.*eta) + v.chi2*(-6.227738120444028 + 1.*eta));
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) intermediate phase-derivative collocation value 2 (LAL's IMRPhenomXHM_Inter_Phase_32_p2, 122019). */
export function interPhase32V2(v: HMFitVars): number {
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
  const noSpin = 3980.7 + 0.956703/eta - 6202.38*eta + 29218.1*eta2 + 24484.2*eta3 - 807629.*eta4 + 2.86393e6*eta5 - 3.26362e6*eta6;
  const eqSpin = ((1.92692 - 226.825*eta + 75.246*eta2 + 1291.56*eta3)*S + (15.328700000000001 - 99.1551*eta + 608.328*eta2 - 2402.94*eta3)*S2 + (10.4333 + 43.8812*eta - 541.261*eta2 + 294.289*eta3)*S3 + eta*(106.047 - 1569.0299999999997*eta + 4810.61*eta2)*S4)/(eta);
  const uneqSpin = 132.244*Math.sqrt(1.-4.*eta)*eta*(v.chi1*(2.5769789177580837 - 1.*eta) + v.chi2*(-2.5769789177580837 + 1.*eta));
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) intermediate phase-derivative collocation value 3 (LAL's IMRPhenomXHM_Inter_Phase_32_p3, 122019). */
export function interPhase32V3(v: HMFitVars): number {
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
  const noSpin = 3416.57 + 2308.63*eta - 84042.9*eta2 + 1.01936e6*eta3 - 6.0644e6*eta4 + 1.76399e7*eta5 - 2.0065e7*eta6;
  const eqSpin = (24.6295 - 282.354*eta - 2582.55*eta2 + 12750.*eta3)*S + (433.675 - 8775.86*eta + 56407.8*eta2 - 114798.*eta3)*S2 + (559.705 - 10627.4*eta + 61581.*eta2 - 114029.*eta3)*S3 + (106.047 - 1569.03*eta + 4810.61*eta2)*S4;
  const uneqSpin = 63.9466*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) intermediate phase-derivative collocation value 4 (LAL's IMRPhenomXHM_Inter_Phase_32_p4, 122019). */
export function interPhase32V4(v: HMFitVars): number {
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
  const noSpin = 3307.49 - 476.909*eta - 5980.37*eta2 + 127610.*eta3 - 919108.*eta4 + 2.86393e6*eta5 - 3.26362e6*eta6;
  const eqSpin = (-5.02553 - 282.354*eta + 1291.56*eta2)*S + (-43.8823 + 740.123*eta - 2402.94*eta2)*S2 + (43.8812 - 370.362*eta + 294.289*eta2)*S3 + (106.047 - 1569.03*eta + 4810.61*eta2)*S4;
  const uneqSpin = -132.244*(v.dchi)*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) intermediate phase-derivative collocation value 5 (LAL's IMRPhenomXHM_Inter_Phase_32_p5, 122019). */
export function interPhase32V5(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const eta7 = Math.pow(eta,7);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3259.03 - 3967.58*eta + 111203.*eta2 - 1.81883e6*eta3 + 1.73811e7*eta4 - 9.56988e7*eta5 + 2.75056e8*eta6 - 3.15866e8*eta7;
  const eqSpin = (19.7509 - 1104.53*eta + 3810.18*eta2)*S + (-230.07 + 2314.51*eta - 5944.49*eta2)*S2 + (-201.633 + 2183.43*eta - 6233.99*eta2)*S3 + (106.047 - 1569.03*eta + 4810.61*eta2)*S4;
  const uneqSpin = 112.714*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) intermediate phase-derivative collocation value 6 (LAL's IMRPhenomXHM_Inter_Phase_32_p6, 122019). */
export function interPhase32V6(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const eta7 = Math.pow(eta,7);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3259.03 - 3967.58*eta + 111203.*eta2 - 1.81883e6*eta3 + 1.73811e7*eta4 - 9.56988e7*eta5 + 2.75056e8*eta6 - 3.15866e8*eta7;
  const eqSpin = (19.7509 - 1104.53*eta + 3810.18*eta2)*S + (-230.07 + 2314.51*eta - 5944.49*eta2)*S2 + (-201.633 + 2183.43*eta - 6233.99*eta2)*S3 + (106.047 - 1569.03*eta + 4810.61*eta2)*S4;
  const uneqSpin = 112.714*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (4,4) intermediate phase-derivative collocation value 1 (LAL's IMRPhenomXHM_Inter_Phase_44_p1, 122019). */
export function interPhase44V1(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 4349.66 + 4.34125/eta - 8202.33*eta + 5534.1*eta2 + 536500.*eta3 - 4.33197e6*eta4 + 1.37792e7*eta5 - 1.60802e7*eta6;
  const eqSpin = ((12.0704 - 528.098*eta + 1822.9100000000003*eta2 - 9349.73*eta3 + 17900.9*eta4)*S + (10.4092 + 253.334*eta - 5452.04*eta2 + 35416.6*eta3 - 71523.*eta4)*S2 + eta*(492.60300000000007 - 9508.5*eta + 57303.4*eta2 - 109418.*eta3)*S3)/(eta);
  const uneqSpin = -262.143*Math.sqrt(1.-4.*eta)*eta*(v.chi1*(-3.0782778864970646 - 1.*eta) + v.chi2*(3.0782778864970646 + 1.*eta));
  return noSpin + eqSpin + uneqSpin;
}

/** (4,4) intermediate phase-derivative collocation value 2 (LAL's IMRPhenomXHM_Inter_Phase_44_p2, 122019). */
export function interPhase44V2(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 3804.19 + 0.66144/eta - 2421.77*eta - 33475.8*eta2 + 665951.*eta3 - 4.50145e6*eta4 + 1.37792e7*eta5 - 1.60802e7*eta6;
  const eqSpin = ((5.83038 - 172.047*eta + 926.576*eta2 - 7676.87*eta3 + 17900.9*eta4)*S + (6.17601 + 253.334*eta - 5672.02*eta2 + 35722.1*eta3 - 71523.*eta4)*S2 + eta*(492.60300000000007 - 9508.5*eta + 57303.4*eta2 - 109418.*eta3)*S3)/(eta);
  const uneqSpin = -262.143*Math.sqrt(1.-4.*eta)*eta*(v.chi1*(-1.0543062374352932 - 1.*eta) + v.chi2*(1.0543062374352932 + 1.*eta));
  return noSpin + eqSpin + uneqSpin;
}

/** (4,4) intermediate phase-derivative collocation value 3 (LAL's IMRPhenomXHM_Inter_Phase_44_p3, 122019). */
export function interPhase44V3(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 3308.97 + 2353.58*eta - 66340.1*eta2 + 777272.*eta3 - 4.64438e6*eta4 + 1.37792e7*eta5 - 1.60802e7*eta6;
  const eqSpin = (-21.5697 + 926.576*eta - 7989.26*eta2 + 17900.9*eta3)*S + (353.539 - 6403.24*eta + 37599.5*eta2 - 71523.*eta3)*S2 + (492.603 - 9508.5*eta + 57303.4*eta2 - 109418.*eta3)*S3;
  const uneqSpin = 262.143*(v.dchi)*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (4,4) intermediate phase-derivative collocation value 4 (LAL's IMRPhenomXHM_Inter_Phase_44_p4, 122019). */
export function interPhase44V4(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 3245.63 - 928.56*eta + 8463.89*eta2 - 17422.6*eta3 - 165169.*eta4 + 908279.*eta5 - 1.31138e6*eta6;
  const eqSpin = (32.506 - 590.293*eta + 3536.61*eta2 - 6758.52*eta3)*S + (-25.7716 + 738.141*eta - 4867.87*eta2 + 9129.45*eta3)*S2 + (-15.7439 + 620.695*eta - 4679.24*eta2 + 9582.58*eta3)*S3;
  const uneqSpin = 87.0832*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (4,4) intermediate phase-derivative collocation value 5 (LAL's IMRPhenomXHM_Inter_Phase_44_p5, 122019). */
export function interPhase44V5(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const eta7 = Math.pow(eta,7);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 3108.38 + 3722.46*eta - 119588.*eta2 + 1.92148e6*eta3 - 1.69796e7*eta4 + 8.39194e7*eta5 - 2.17143e8*eta6 + 2.2829700000000003e8*eta7;
  const eqSpin = (118.319 - 529.854*eta)*eta*S + (21.0314 - 240.648*eta + 516.333*eta2)*S2 + (20.3384 - 356.241*eta + 999.417*eta2)*S3;
  const uneqSpin = 97.1364*(v.dchi)*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (4,4) intermediate phase-derivative collocation value 6 (LAL's IMRPhenomXHM_Inter_Phase_44_p6, 122019). */
export function interPhase44V6(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const eta6 = Math.pow(eta,6);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const noSpin = 3096.03 + 986.752*eta - 20371.1*eta2 + 220332.*eta3 - 1.31523e6*eta4 + 4.29193e6*eta5 - 6.01179e6*eta6;
  const eqSpin = (-9.96292 - 118.526*eta + 2255.76*eta2 - 6758.52*eta3)*S + (-14.4869 + 370.039*eta - 3605.8*eta2 + 9129.45*eta3)*S2 + (17.0209 + 70.1931*eta - 3070.08*eta2 + 9582.58*eta3)*S3;
  const uneqSpin = 23.0759*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}
