/**
 * IMRPhenomX inspiral collocation-point fits (Pratten et al. arXiv:2001.11412 Sec. V.A and VII.A;
 * coefficients from LALSimIMRPhenomX_inspiral.c), default versions only: amplitude 103 (values of the
 * pseudo-PN amplitude at 1/2, 3/4 and 1 of the inspiral end frequency) and phase 104 (v3 and the
 * differences d13, d23, d43 at the four Gauss-Chebyshev nodes). Arguments: symmetric mass ratio eta,
 * effective spin S = chi_PN-hat, dchi = chi1 - chi2, delta = (m1 - m2)/M.
 */

/** Collocation fit v2 of the inspiral amplitude (LAL IMRPhenomX_Inspiral_Amp_22_v2). */
export function inspiralAmpV2(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const noSpin = (-0.015178276424448592 - 0.06098548699809163*eta + 0.4845148547154606*eta2)/(1 + 0.09799277215675059*eta);
  const eqSpin = ((0.02300153747158323 + 0.10495263104245876*eta2)*S + (0.04834642258922544 - 0.14189350657140673*eta)*eta*S3 + (0.01761591799745109 - 0.14404522791467844*eta2)*S2)/(1 - 0.7340448493183307*S);
  const uneqSpin = dchi*delta*eta4*(0.0018724905795891192 + 34.90874132485147*eta);
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit v3 of the inspiral amplitude (LAL IMRPhenomX_Inspiral_Amp_22_v3). */
export function inspiralAmpV3(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const noSpin = (-0.058572000924124644 - 1.1970535595488723*eta + 8.4630293045015*eta2)/(1 + 15.430818840453686*eta);
  const eqSpin = ((-0.08746408292050666 + eta*(-0.20646621646484237 - 0.21291764491897636*S) + eta2*(0.788717372588848 + 0.8282888482429105*S) - 0.018924013869130434*S)*S)/(-1.332123330797879 + S);
  const uneqSpin = dchi*delta*eta4*(0.004389995099201855 + 105.84553997647659*eta);
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit v4 of the inspiral amplitude (LAL IMRPhenomX_Inspiral_Amp_22_v4). */
export function inspiralAmpV4(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const S2 = S * S;
  const noSpin = (-0.16212854591357853 + 1.617404703616985*eta - 3.186012733446088*eta2 + 5.629598195000046*eta3)/(1 + 0.04507019231274476*eta);
  const eqSpin = (S*(1.0055835408962206 + eta2*(18.353433894421833 - 18.80590889704093*S) - 0.31443470118113853*S + eta*(-4.127597118865669 + 5.215501942120774*S) + eta3*(-41.0378120175805 + 19.099315016873643*S)))/(5.852706459485663 - 5.717874483424523*S + S2);
  const uneqSpin = dchi*delta*eta4*(0.05575955418803233 + 208.92352600701068*eta);
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit d13 of the inspiral phase (LAL IMRPhenomX_Inspiral_Phase_22_d13). */
export function inspiralPhaseD13(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const S4 = S3 * S;
  const noSpin = (-17294.000000000007 - 19943.076428555978*eta + 483033.0998073767*eta2)/(1 + 4.460294035404433*eta);
  const eqSpin = (S*(68384.62786426462 + 67663.42759836042*S - 2179.3505885609297*S2 + eta*(-58475.33302037833 + 62190.404951852535*S + 18298.307770807573*S2 - 303141.1945565486*S3) + 19703.894135534803*S3 + eta2*(-148368.4954044637 - 758386.5685734496*S - 137991.37032619823*S2 + 1.0765877367729193e6*S3) + 32614.091002011017*S4))/(2.0412979553629143 + S);
  const uneqSpin = 12017.062595934838*dchi*delta*eta;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit d23 of the inspiral phase (LAL IMRPhenomX_Inspiral_Phase_22_d23). */
export function inspiralPhaseD23(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const noSpin = (-7579.300000000004 - 120297.86185566607*eta + 1.1694356931282217e6*eta2 - 557253.0066989232*eta3)/(1 + 18.53018618227582*eta);
  const eqSpin = (S*(-27089.36915061857 - 66228.9369155027*S + eta2*(150022.21343386435 - 50166.382087278434*S - 399712.22891153296*S2) - 44331.41741405198*S2 + eta*(50644.13475990821 + 157036.45676788126*S + 126736.43159783827*S2) + eta3*(-593633.5370110178 - 325423.99477314285*S + 847483.2999508682*S2)))/(-1.5232497464826662 - 3.062957826830017*S - 1.130185486082531*S2 + S3);
  const uneqSpin = 3843.083992827935*dchi*delta*eta;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit v3 of the inspiral phase (LAL IMRPhenomX_Inspiral_Phase_22_v3). */
export function inspiralPhaseV3(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const dchi2 = dchi * dchi;
  const noSpin = (15415.000000000007 + 873401.6255736464*eta + 376665.64637025696*eta2 - 3.9719980569125614e6*eta3 + 8.913612508054944e6*eta4)/(1 + 46.83697749859996*eta);
  const eqSpin = (S*(397951.95299014193 - 207180.42746987*S + eta3*(4.662143741417853e6 - 584728.050612325*S - 1.6894189124921719e6*S2) + eta*(-1.0053073129700898e6 + 1.235279439281927e6*S - 174952.69161683554*S2) - 130668.37221912303*S2 + eta2*(-1.9826323844247842e6 + 208349.45742548333*S + 895372.155565861*S2)))/(-9.675704197652225 + 3.5804521763363075*S + 2.5298346636273306*S2 + S3);
  const uneqSpin = -1296.9289110696955*dchi2*eta + dchi*delta*eta*(-24708.109411857182 + 24703.28267342699*eta + 47752.17032707405*S);
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit d43 of the inspiral phase (LAL IMRPhenomX_Inspiral_Phase_22_d43). */
export function inspiralPhaseD43(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const S2 = S * S;
  const noSpin = (2439.000000000001 - 31133.52170083207*eta + 28867.73328134167*eta2)/(1 + 0.41143032589262585*eta);
  const eqSpin = (S*(16116.057657391262 + eta3*(-375818.0132734753 - 386247.80765802023*S) + eta*(-82355.86732027541 - 25843.06175439942*S) + 9861.635308837876*S + eta2*(229284.04542668918 + 117410.37432997991*S)))/(-3.7385208695213668 + 0.25294420589064653*S + S2);
  const uneqSpin = 194.5554531509207*dchi*delta*eta;
  return noSpin + eqSpin + uneqSpin;
}
