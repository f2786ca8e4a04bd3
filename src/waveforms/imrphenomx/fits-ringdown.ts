/**
 * IMRPhenomX merger-ringdown fits (arXiv:2001.11412 Sec. VI.C and VII.C; coefficients from
 * LALSimIMRPhenomX_ringdown.c), default versions only: amplitude 103 (Lorentzian parameters gamma2 =
 * lambda, gamma3 = sigma and the value v1 at the peak) and phase 105 (v4 at f_ring and the differences
 * d12, d24, d34, d54). Arguments: eta, S = S_tot-hat, dchi = chi1 - chi2, delta = (m1 - m2)/M.
 */

/** Collocation fit gamma2 of the ringdown amplitude (LAL IMRPhenomX_Ringdown_Amp_22_gamma2). */
export function ringdownAmpGamma2(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const S2 = S * S;
  const noSpin = (0.8312293675316895 + 7.480371544268765*eta - 18.256121237800397*eta2)/(1 + 10.915453595496611*eta - 30.578409433912874*eta2);
  const eqSpin = (S*(0.5869408584532747 + eta*(-0.1467158405070222 - 2.8489481072076472*S) + 0.031852563636196894*S + eta2*(0.25295441250444334 + 4.6849496672664594*S)))/(3.8775263105069953 - 3.41755361841226*S + S2);
  const uneqSpin = -0.00548054788508203*dchi*delta*eta;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit gamma3 of the ringdown amplitude (LAL IMRPhenomX_Ringdown_Amp_22_gamma3). */
export function ringdownAmpGamma3(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const noSpin = (1.3666000000000007 - 4.091333144596439*eta + 2.109081209912545*eta2 - 4.222259944408823*eta3)/(1 - 2.7440263888207594*eta);
  const eqSpin = (0.07179105336478316 + eta2*(2.331724812782498 - 0.6330998412809531*S) + eta*(-0.8752427297525086 + 0.4168560229353532*S) - 0.05633734476062242*S)*S;
  const uneqSpin = 0 * delta * dchi;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit v1 of the ringdown amplitude (LAL IMRPhenomX_Ringdown_Amp_22_v1). */
export function ringdownAmpV1(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const S4 = S3 * S;
  const noSpin = (0.03689164742964719 + 25.417967754401182*eta + 162.52904393600332*eta2)/(1 + 61.19874463331437*eta - 29.628854485544874*eta2);
  const eqSpin = (S*(-0.14352506969368556 + 0.026356911108320547*S + 0.19967405175523437*S2 - 0.05292913111731128*S3 + eta3*(-48.31945248941757 - 3.751501972663298*S + 81.9290740950083*S2 + 30.491948143930266*S3 - 132.77982622925845*S4) + eta*(-4.805034453745424 + 1.11147906765112*S + 6.176053843938542*S2 - 0.2874540719094058*S3 - 8.990840289951514*S4) - 0.18147275151697131*S4 + eta2*(27.675454081988036 - 2.398327419614959*S - 47.99096500250743*S2 - 5.104257870393138*S3 + 72.08174136362386*S4)))/(-1.4160870461211452 + S);
  const uneqSpin = -0.04426571511345366*dchi*delta*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit v4 of the ringdown phase (LAL IMRPhenomX_Ringdown_Phase_22_v4). */
export function ringdownPhaseV4(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const eta5 = eta4 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const S4 = S3 * S;
  const noSpin = (-85.86062966719405 - 4616.740713893726*eta - 4925.756920247186*eta2 + 7732.064464348168*eta3 + 12828.269960300782*eta4 - 39783.51698102803*eta5)/(1 + 50.206318806624004*eta);
  const eqSpin = (S*(33.335857451144356 - 36.49019206094966*S + eta3*(1497.3545918387515 - 101.72731770500685*S)*S - 3.835967351280833*S2 + 2.302712009652155*S3 + eta2*(93.64156367505917 - 18.184492163348665*S + 423.48863373726243*S2 - 104.36120236420928*S3 - 719.8775484010988*S4) + 1.6533417657003922*S4 + eta*(-69.19412903018717 + 26.580344399838758*S - 15.399770764623746*S2 + 31.231253209893488*S3 + 97.69027029734173*S4) + eta4*(1075.8686153198323 - 3443.0233614187396*S - 4253.974688619423*S2 - 608.2901586790335*S3 + 5064.173605639933*S4)))/(-1.3705601055555852 + S);
  const uneqSpin = dchi*delta*eta*(22.363215261437862 + 156.08206945239374*eta);
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit d12 of the ringdown phase (LAL IMRPhenomX_Ringdown_Phase_22_d12). */
export function ringdownPhaseD12(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const S4 = S3 * S;
  const S5 = S4 * S;
  const noSpin = (eta*(0.7207992174994245 - 1.237332073800276*eta + 6.086871214811216*eta2))/(0.006851189888541745 + 0.06099184229137391*eta - 0.15500218299268662*eta2 + eta3);
  const eqSpin = ((0.06519048552628343 - 25.25397971063995*eta - 308.62513664956975*eta4 + 58.59408241189781*eta2 + 160.14971486043524*eta3)*S + eta*(-5.215945111216946 + 153.95945758807616*eta - 693.0504179144295*eta2 + 835.1725103648205*eta3)*S2 + (0.20035146870472367 - 0.28745205203100666*eta - 47.56042058800358*eta4)*S3 + eta*(5.7756520242745735 - 43.97332874253772*eta + 338.7263666984089*eta3)*S4 + (-0.2697933899920511 + 4.917070939324979*eta - 22.384949087140086*eta4 - 11.61488280763592*eta2)*S5)/(1 - 0.6628745847248266*S);
  const uneqSpin = -23.504907495268824*dchi*delta*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit d24 of the ringdown phase (LAL IMRPhenomX_Ringdown_Phase_22_d24). */
export function ringdownPhaseD24(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const noSpin = (eta*(-9.460253118496386 + 9.429314399633007*eta + 64.69109972468395*eta2))/(-0.0670554310666559 - 0.09987544893382533*eta + eta2);
  const eqSpin = (17.36495157980372*eta*S + eta3*S*(930.3458437154668 + 808.457330742532*S) + eta4*S*(-774.3633787391745 - 2177.554979351284*S - 1031.846477275069*S2) + eta2*S*(-191.00932194869588 - 62.997389062600035*S + 64.42947340363101*S2) + 0.04497628581617564*S3)/(1 - 0.7267610313751913*S);
  const uneqSpin = dchi*delta*(-36.66374091965371 + 91.60477826830407*eta)*eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit d34 of the ringdown phase (LAL IMRPhenomX_Ringdown_Phase_22_d34). */
export function ringdownPhaseD34(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const eta5 = eta4 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const S4 = S3 * S;
  const noSpin = (eta*(-8.506898502692536 + 13.936621412517798*eta))/(-0.40919671232073945 + eta);
  const eqSpin = (eta*(1.7280582989361533*S + 18.41570325463385*S3 - 13.743271480938104*S4) + eta2*(73.8367329022058*S - 95.57802408341716*S3 + 215.78111099820157*S4) + 0.046849371468156265*S2 + eta3*S*(-27.976989112929353 + 6.404060932334562*S - 633.1966645925428*S3 + 109.04824706217418*S2))/(1 - 0.6862449113932192*S);
  const uneqSpin = 641.8965762829259*dchi*delta*eta5;
  return noSpin + eqSpin + uneqSpin;
}

/** Collocation fit d54 of the ringdown phase (LAL IMRPhenomX_Ringdown_Phase_22_d54). */
export function ringdownPhaseD54(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const noSpin = (eta*(7.05731400277692 + 22.455288821807095*eta + 119.43820622871043*eta2))/(0.26026709603623255 + eta);
  const eqSpin = (eta2*(134.88158268621922 - 56.05992404859163*S)*S + eta*S*(-7.9407123129681425 + 9.486783128047414*S) + eta3*S*(-316.26970506215554 + 90.31815139272628*S))/(1 - 0.7162058321905909*S);
  const uneqSpin = 43.82713604567481*dchi*delta*eta3;
  return noSpin + eqSpin + uneqSpin;
}
