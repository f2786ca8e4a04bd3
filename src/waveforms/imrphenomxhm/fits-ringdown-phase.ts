/**
 * IMRPhenomXHM ringdown-phase fits (version 122019): the rescaled-22 coefficients alpha2, alphaL and the (3,2) spheroidal collocation values, time and phase shifts (arXiv:2001.10914 Sec. V).
 * Coefficients as in LALSimulation (LALSimIMRPhenomXHM_ringdown.c); arguments in HMFitVars (fit-vars.ts).
 */
import type { HMFitVars } from './fit-vars.js';

/** Ringdown phase-derivative coefficient alpha2 of the rescaled 22 ansatz (LAL's IMRPhenomXHM_RD_Phase_22_alpha2, 122019). */
export function rdPhaseAlpha2(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const delta = Math.sqrt(1-4*eta);
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const noSpin = 0.2088669311744758 - 0.37138987533788487*eta + 6.510807976353186*eta2 - 31.330215053905395*eta3 + 55.45508989446867*eta4;
  const eqSpin = ((0.2393965714370633 + 1.6966740823756759*eta - 16.874355161681766*eta2 + 38.61300158832203*eta3)*S)/(1. - 0.633218538432246*S);
  const uneqSpin = v.dchi*(0.9088578269496244*Math.pow(eta,2.5) + 15.619592332008951*v.dchi*Math.pow(eta,3.5))*delta;
  return noSpin + eqSpin + uneqSpin;
}

/** Ringdown phase-derivative Lorentzian weight alphaL, times eta (LAL's IMRPhenomXHM_RD_Phase_22_alphaL, 122019). */
export function rdPhaseAlphaL(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const delta = Math.sqrt(1.- 4.*eta);
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const S2 = Math.pow(S,2);
  const noSpin = eta*(-1.1926122248825484 + 2.5400257699690143*eta - 16.504334734464244*eta2 + 27.623649807617376*eta3);
  const eqSpin = eta3*S*(35.803988443700824 + 9.700178927988006*S - 77.2346297158916*S2) + eta*S*(0.1034526554654983 - 0.21477847929548569*S - 0.06417449517826644*S2) + eta2*S*(-4.7282481007397825 + 0.8743576195364632*S + 8.170616575493503*S2) + eta4*S*(-72.50310678862684 - 39.83460092417137*S + 180.8345521274853*S2);
  const uneqSpin = (-0.7428134042821221*v.chi1*Math.pow(eta,3.5) + 0.7428134042821221*v.chi2*Math.pow(eta,3.5) + 17.588573345324154*Math.pow(v.chi1,2)*Math.pow(eta,4.5) - 35.17714669064831*v.chi1*v.chi2*Math.pow(eta,4.5) + 17.588573345324154*Math.pow(v.chi2,2)*Math.pow(eta,4.5))*delta;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) spheroidal ringdown time shift against the 22 (LAL's IMRPhenomXHM_RD_Phase_32_SpheroidalTimeShift, 122019). */
export function rdPhase32TimeShift(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 11.851438981981772 + 167.95086712701223*eta - 4565.033758777737*eta2 + 61559.132976189896*eta3 - 364129.24735853914*eta4 + 739270.8814129328*eta5;
  const eqSpin = (9.506768471271634 + 434.31707030999445*eta - 8046.364492927503*eta2 + 26929.677144312944*eta3)*S + (-5.949655484033632 - 307.67253970367034*eta + 1334.1062451631644*eta2 + 3575.347142399199*eta3)*S2 + (3.4881615575084797 - 2244.4613237912527*eta + 24145.932943269272*eta2 - 60929.87465551446*eta3)*S3 + (15.585154698977842 - 2292.778112523392*eta + 24793.809334683185*eta2 - 65993.84497923202*eta3)*S4;
  const uneqSpin = 465.7904934097202*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) spheroidal ringdown phase shift against the 22 (LAL's IMRPhenomXHM_RD_Phase_32_SpheroidalPhaseShift, 122019). */
export function rdPhase32PhaseShift(v: HMFitVars): number {
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
  const noSpin = -1.3328895897490733 - 22.209549522908667*eta + 1056.2426481245027*eta2 - 21256.376324666326*eta3 + 246313.12887984765*eta4 - 1.6312968467540336e6*eta5 + 5.614617173188322e6*eta6 - 7.612233821752137e6*eta7;
  const eqSpin = (S*(-1.622727240110213 + 0.9960210841611344*S - 1.1239505323267036*S2 - 1.9586085340429995*S3 + eta2*(196.7055281997748 + 135.25216875394943*S + 1086.7504825459278*S2 + 546.6246807461155*S3 - 312.1010566468068*S4) + 0.7638287749489343*S4 + eta*(-47.475568056234245 - 35.074072557604445*S - 97.16014978329918*S2 - 34.498125910065156*S3 + 24.02858084544326*S4) + eta3*(62.632493533037625 - 22.59781899512552*S - 2683.947280170815*S2 - 1493.177074873678*S3 + 805.0266029288334*S4)))/(-2.950271397057221 + 1.*S);
  const uneqSpin = (Math.sqrt(1.-4.*eta)*(v.chi2*Math.pow(eta,2.5)*(88.56162028006072 - 30.01812659282717*S) + v.chi2*eta2*(43.126266433486435 - 14.617728550838805*S) + v.chi1*eta2*(-43.126266433486435 + 14.617728550838805*S) + v.chi1*Math.pow(eta,2.5)*(-88.56162028006072 + 30.01812659282717*S)))/(-2.950271397057221 + 1.*S);
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) spheroidal ringdown phase-derivative collocation value 1 (LAL's IMRPhenomXHM_RD_Phase_32_p1, 122019). */
export function rdPhase32V1(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const eta4 = Math.pow(eta,4);
  const eta5 = Math.pow(eta,5);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const S5 = Math.pow(S,5);
  const noSpin = 3169.372056189274 + 426.8372805022653*eta - 12569.748101922158*eta2 + 149846.7281073725*eta3 - 817182.2896823225*eta4 + 1.5674053633767858e6*eta5;
  const eqSpin = (19.23408352151287 - 1762.6573670619173*eta + 7855.316419853637*eta2 - 3785.49764771212*eta3)*S + (-42.88446003698396 + 336.8340966473415*eta - 5615.908682338113*eta2 + 20497.5021807654*eta3)*S2 + (13.918237996338371 + 10145.53174542332*eta - 91664.12621864353*eta2 + 201204.5096556517*eta3)*S3 + (-24.72321125342808 - 4901.068176970293*eta + 53893.9479532688*eta2 - 139322.02687945773*eta3)*S4 + (-61.01931672442576 - 16556.65370439302*eta + 162941.8009556697*eta2 - 384336.57477596396*eta3)*S5;
  const uneqSpin = v.dchi*Math.sqrt(1.-4.*eta)*eta2*(641.2473192044652 - 1600.240100295189*v.chi1*eta + 1600.240100295189*v.chi2*eta + 13275.623692212472*eta*S);
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) spheroidal ringdown phase-derivative collocation value 2 (LAL's IMRPhenomXHM_RD_Phase_32_p2, 122019). */
export function rdPhase32V2(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3131.0260952676376 + 206.09687819102305*eta - 2636.4344627081873*eta2 + 7475.062269742079*eta3;
  const eqSpin = (49.90874152040307 - 691.9815135740145*eta - 434.60154548208334*eta2 + 10514.68111669422*eta3)*S + (97.3078084654917 - 3458.2579971189534*eta + 26748.805404989867*eta2 - 56142.13736008524*eta3)*S2 + (-132.49105074500454 + 429.0787542102207*eta + 7269.262546204149*eta2 - 27654.067482558712*eta3)*S3 + (-227.8023564332453 + 5119.138772157134*eta - 34444.2579678986*eta2 + 69666.01833764123*eta3)*S4;
  const uneqSpin = 477.51566939885424*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) spheroidal ringdown phase-derivative collocation value 3 (LAL's IMRPhenomXHM_RD_Phase_32_p3, 122019). */
export function rdPhase32V3(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const eta3 = Math.pow(eta,3);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3082.803556599222 + 76.94679795837645*eta - 586.2469821978381*eta2 + 977.6115755788503*eta3;
  const eqSpin = (45.08944710349874 - 807.7353772747749*eta + 1775.4343704616288*eta2 + 2472.6476419567534*eta3)*S + (95.57355060136699 - 2224.9613131172046*eta + 13821.251641893134*eta2 - 25583.314298758105*eta3)*S2 + (-144.96370424517866 + 2268.4693587493093*eta - 10971.864789147161*eta2 + 16259.911572457446*eta3)*S3 + (-227.8023564332453 + 5119.138772157134*eta - 34444.2579678986*eta2 + 69666.01833764123*eta3)*S4;
  const uneqSpin = 378.2359918274837*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** (3,2) spheroidal ringdown phase-derivative collocation value 4 (LAL's IMRPhenomXHM_RD_Phase_32_p4, 122019). */
export function rdPhase32V4(v: HMFitVars): number {
  const eta = v.eta;
  const S = v.sTotR;
  const eta2 = Math.pow(eta,2);
  const S2 = Math.pow(S,2);
  const S3 = Math.pow(S,3);
  const S4 = Math.pow(S,4);
  const noSpin = 3077.0657367004565 + 64.99844502520415*eta - 357.38692756785395*eta2;
  const eqSpin = (34.793450080444714 - 986.7751755509875*eta - 9490.641676924794*Math.pow(eta,3) + 5700.682624203565*eta2)*S + (57.38106384558743 - 1644.6690499868596*eta - 19906.416384606226*Math.pow(eta,3) + 11008.881935880598*eta2)*S2 + (-126.02362949830213 + 3169.3397351803583*eta + 62863.79877094988*Math.pow(eta,3) - 26766.730897942085*eta2)*S3 + (-169.30909412804587 + 4900.706039920717*eta + 95314.99988114933*Math.pow(eta,3) - 41414.05689348732*eta2)*S4;
  const uneqSpin = 390.5443469721231*v.dchi*Math.sqrt(1.-4.*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}
