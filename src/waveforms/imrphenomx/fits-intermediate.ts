/**
 * IMRPhenomX intermediate-region collocation-point fits (arXiv:2001.11412 Sec. VI.B and VII.B;
 * coefficients from LALSimIMRPhenomX_intermediate.c), default versions only: amplitude 104 (vA at the
 * mid-point) and phase 105 (v2, v2 - v4RD, v3 - v4RD, d43). Arguments: eta, S = S_tot-hat,
 * dchi = chi1 - chi2, delta = (m1 - m2)/M.
 */

/** Collocation fit vA of the intermediate amplitude (LAL IMRPhenomX_Intermediate_Amp_22_vA). */
export function intermediateAmpVA(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const S2 = S * S;
  const noSpin = (1.4873184918202145 + 1974.6112656679577*eta + 27563.641024162127*eta2 - 19837.908020966777*eta3)/(1 + 143.29004876335128*eta + 458.4097306093354*eta2);
  const eqSpin = (S*(27.952730865904343 + eta*(-365.55631765202895 - 260.3494489873286*S) + 3.2646808851249016*S + 3011.446602208493*eta2*S - 19.38970173389662*S2 + eta3*(1612.2681322644232 - 6962.675551371755*S + 1486.4658089990298*S2)))/(12.647425554323242 - 10.540154508599963*S + S2);
  const uneqSpin = dchi*delta*(-0.016404056649860943 - 296.473359655246*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit v2 of the intermediate phase (LAL IMRPhenomX_Intermediate_Phase_22_v2). */
export function intermediatePhaseV2(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const S4 = S3 * S;
  const noSpin = (-82.54500000000004 - 5.58197349185435e6*eta - 3.5225742421184325e8*eta2 + 1.4667258334378073e9*eta3)/(1 + 66757.12830903867*eta + 5.385164380400193e6*eta2 + 2.5176585751772933e6*eta3);
  const eqSpin = (S*(19.416719811164853 - 36.066611959079935*S - 0.8612656616290079*S2 + eta2*(170.97203068800542 - 107.41099349364234*S - 647.8103976942541*S3) + 5.95010003393006*S3 + eta3*(-1365.1499998427248 + 1152.425940764218*S + 415.7134909564443*S2 + 1897.5444343138167*S3 - 866.283566780576*S4) + 4.984750041013893*S4 + eta*(207.69898051583655 - 132.88417400679026*S - 17.671713040498304*S2 + 29.071788188638315*S3 + 37.462217031512786*S4)))/(-1.1492259468169692 + S);
  const uneqSpin = dchi*delta*eta3*(7343.130973149263 - 20486.813161100774*eta + 515.9898508588834*S);
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit v2mRDv4 of the intermediate phase (LAL IMRPhenomX_Intermediate_Phase_22_v2mRDv4). */
export function intermediatePhaseV2mRDv4(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const S2 = S * S;
  const noSpin = (eta*(0.9951733419499662 + 101.21991715215253*eta + 632.4731389009143*eta2))/(0.00016803066316882238 + 0.11412314719189287*eta + 1.8413983770369362*eta2 + eta3);
  const eqSpin = (S*(18.694178521101332 + 16.89845522539974*S + 4941.31613710257*eta2*S + eta*(-697.6773920613674 - 147.53381808989846*S2) + 0.3612417066833153*S2 + eta3*(3531.552143264721 - 14302.70838220423*S + 178.85850322465944*S2)))/(2.965640445745779 - 2.7706595614504725*S + S2);
  const uneqSpin = dchi*delta*eta2*(356.74395864902294 + 1693.326644293169*eta2*S);
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit v3mRDv4 of the intermediate phase (LAL IMRPhenomX_Intermediate_Phase_22_v3mRDv4). */
export function intermediatePhaseV3mRDv4(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const eta5 = eta4 * eta;
  const eta6 = eta5 * eta;
  const S2 = S * S;
  const noSpin = (eta*(-5.126358906504587 - 227.46830225846668*eta + 688.3609087244353*eta2 - 751.4184178636324*eta3))/(-0.004551938711031158 - 0.7811680872741462*eta + eta2);
  const eqSpin = (S*(0.1549280856660919 - 0.9539250460041732*S - 539.4071941841604*eta2*S + eta*(73.79645135116367 - 8.13494176717772*S2) - 2.84311102369862*S2 + eta3*(-936.3740515136005 + 1862.9097047992134*S + 224.77581754671272*S2)))/(-1.5308507364054487 + S);
  const uneqSpin = 2993.3598520496153*dchi*delta*eta6;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit d43 of the intermediate phase (LAL IMRPhenomX_Intermediate_Phase_22_d43). */
export function intermediatePhaseD43(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const S2 = S * S;
  const noSpin = (0.4248820426833804 - 906.746595921514*eta - 282820.39946006844*eta2 - 967049.2793750163*eta3 + 670077.5414916876*eta4)/(1 + 1670.9440812294847*eta + 19783.077247023448*eta2);
  const eqSpin = (S*(0.22814271667259703 + 1.1366593671801855*S + eta3*(3499.432393555856 - 877.8811492839261*S - 4974.189172654984*S2) + eta*(12.840649528989287 - 61.17248283184154*S2) + 0.4818323187946999*S2 + eta2*(-711.8532052499075 + 269.9234918621958*S + 941.6974723887743*S2) + eta4*(-4939.642457025497 - 227.7672020783411*S + 8745.201037897836*S2)))/(-1.2442293719740283 + S);
  const uneqSpin = dchi*delta*(-514.8494071830514 + 1493.3851099678195*eta)*eta3;
  return noSpin + eqSpin + uneqSpin;
}
