/**
 * IMRPhenomX parameter-space fits that are not tied to one frequency region (Pratten et al.
 * arXiv:2001.11412 and LALSimIMRPhenomXUtilities.c / LALSimIMRPhenomX_qnm.c): effective spins,
 * the hybrid MECO frequency, the Kerr ISCO frequency, the final mass and spin (2017 fits), the
 * l = m = 2 QNM ringdown and damping frequencies, and the time-alignment fits. All frequencies are
 * geometric (M f, M = m1 + m2 = 1). Conventions: m1 >= m2, chi1 on m1; delta = (m1 - m2)/M.
 */

/** chi_eff = m1 chi1 + m2 chi2 (masses in units of M), with m1,2 = (1 +- sqrt(1 - 4 eta))/2. */
export function chiEff(eta: number, chi1: number, chi2: number): number {
  const d = Math.sqrt(1 - 4 * eta);
  return 0.5 * (1 + d) * chi1 + 0.5 * (1 - d) * chi2;
}

/** Normalised PN effective spin chi_PN-hat = (chi_eff - 38 eta (chi1 + chi2)/113) / (1 - 76 eta/113). */
export function chiPNHat(eta: number, chi1: number, chi2: number): number {
  return (chiEff(eta, chi1, chi2) - (38 / 113) * eta * (chi1 + chi2)) / (1 - (76 * eta) / 113);
}

/** Mass-weighted total spin S_tot-hat = (m1^2 chi1 + m2^2 chi2)/(m1^2 + m2^2). */
export function sTotR(eta: number, chi1: number, chi2: number): number {
  const d = Math.sqrt(1 - 4 * eta);
  const m1 = 0.5 * (1 + d);
  const m2 = 0.5 * (1 - d);
  return (m1 * m1 * chi1 + m2 * m2 * chi2) / (m1 * m1 + m2 * m2);
}

/** Hybrid minimum-energy-circular-orbit frequency M f_MECO (Cabero et al. 2017 fit, as recalibrated for PhenomX). */
export function fMECO(eta: number, chi1: number, chi2: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const delta = Math.sqrt(1 - 4 * eta);
  const S = chiPNHat(eta, chi1, chi2);
  const S2 = S * S;
  const S3 = S2 * S;
  const dchi = chi1 - chi2;
  const dchi2 = dchi * dchi;
  const noSpin = (0.018744340279608845 + 0.0077903147004616865 * eta + 0.003940354686136861 * eta2 - 0.00006693930988501673 * eta3) /
    (1 - 0.10423384680638834 * eta);
  const eqSpin = (S * (0.00027180386951683135 - 0.00002585252361022052 * S +
      eta4 * (-0.0006807631931297156 + 0.022386313074011715 * S - 0.0230825153005985 * S2) +
      eta2 * (0.00036556167661117023 - 0.000010021140796150737 * S - 0.00038216081981505285 * S2) +
      eta * (0.00024422562796266645 - 0.00001049013062611254 * S - 0.00035182990586857726 * S2) +
      eta3 * (-0.0005418851224505745 + 0.000030679548774047616 * S + 4.038390455349854e-6 * S2) -
      0.00007547517256664526 * S2)) /
    (0.026666543809890402 +
      (-0.014590539285641243 - 0.012429476486138982 * eta + 1.4861197211952053 * eta4 + 0.025066696514373803 * eta2 + 0.005146809717492324 * eta3) * S +
      (-0.0058684526275074025 - 0.02876774751921441 * eta - 2.551566872093786 * eta4 - 0.019641378027236502 * eta2 - 0.001956646166089053 * eta3) * S2 +
      (0.003507640638496499 + 0.014176504653145768 * eta + eta4 + 0.012622225233586283 * eta2 - 0.00767768214056772 * eta3) * S3);
  const uneqSpin = dchi2 * (0.00034375176678815234 + 0.000016343732281057392 * eta) * eta2 +
    dchi * delta * eta * (0.08064665214195679 * eta2 + eta * (-0.028476219509487793 - 0.005746537021035632 * S) - 0.0011713735642446144 * S);
  return noSpin + eqSpin + uneqSpin;
}

/** GW frequency M f_ISCO = Omega_ISCO / pi of the Kerr ISCO for dimensionless spin chif (Bardeen et al. 1972). */
export function fISCO(chif: number): number {
  let z1 = 1 + Math.cbrt(1 - chif * chif) * (Math.cbrt(1 + chif) + Math.cbrt(1 - chif));
  if (z1 > 3) z1 = 3;
  const z2 = Math.sqrt(3 * chif * chif + z1 * z1);
  const sign = chif > 0 ? 1 : chif < 0 ? -1 : 0;
  const rISCO = 3 + z2 - sign * Math.sqrt((3 - z1) * (3 + z1 + 2 * z2));
  const sq = Math.sqrt(rISCO);
  return 1 / (sq * sq * sq + chif) / Math.PI;
}

/** Final mass M_f/M of the remnant (PhenomX 2017 fit in S_tot-hat): 1 - E_rad. */
export function finalMass2017(eta: number, chi1: number, chi2: number): number {
  const delta = Math.sqrt(1 - 4 * eta);
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const S = sTotR(eta, chi1, chi2);
  const S2 = S * S;
  const S3 = S2 * S;
  const dchi = chi1 - chi2;
  const dchi2 = dchi * dchi;
  const noSpin = 0.057190958417936644 * eta + 0.5609904135313374 * eta2 - 0.84667563764404 * eta3 + 3.145145224278187 * eta4;
  const eqSpin = (noSpin *
      (1 + (-0.13084389181783257 - 1.1387311580238488 * eta + 5.49074464410971 * eta2) * S +
        (-0.17762802148331427 + 2.176667900182948 * eta2) * S2 +
        (-0.6320191645391563 + 4.952698546796005 * eta - 10.023747993978121 * eta2) * S3)) /
    (1 + (-0.9919475346968611 + 0.367620218664352 * eta + 4.274567337924067 * eta2) * S) - noSpin;
  const uneqSpin = -0.09803730445895877 * dchi * delta * (1 - 3.2283713377939134 * eta) * eta2 +
    0.01118530335431078 * dchi2 * eta3 -
    0.01978238971523653 * dchi * delta * (1 - 4.91667749015812 * eta) * eta * S;
  return 1 - (noSpin + eqSpin + uneqSpin);
}

/** Final dimensionless spin of the remnant (PhenomX 2017 fit in S_tot-hat). */
export function finalSpin2017(eta: number, chi1: number, chi2: number): number {
  const delta = Math.sqrt(1 - 4 * eta);
  const m1 = 0.5 * (1 + delta);
  const m2 = 0.5 * (1 - delta);
  const m1Sq = m1 * m1;
  const m2Sq = m2 * m2;
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const S = sTotR(eta, chi1, chi2);
  const S2 = S * S;
  const S3 = S2 * S;
  const dchi = chi1 - chi2;
  const dchi2 = dchi * dchi;
  const noSpin = (3.4641016151377544 * eta + 20.0830030082033 * eta2 - 12.333573402277912 * eta3) / (1 + 7.2388440419467335 * eta);
  const eqSpin = (m1Sq + m2Sq) * S +
    ((-0.8561951310209386 * eta - 0.09939065676370885 * eta2 + 1.668810429851045 * eta3) * S +
      (0.5881660363307388 * eta - 2.149269067519131 * eta2 + 3.4768263932898678 * eta3) * S2 +
      (0.142443244743048 * eta - 0.9598353840147513 * eta2 + 1.9595643107593743 * eta3) * S3) /
    (1 + (-0.9142232693081653 + 2.3191363426522633 * eta - 9.710576749140989 * eta3) * S);
  const uneqSpin = 0.3223660562764661 * dchi * delta * (1 + 9.332575956437443 * eta) * eta2 -
    0.059808322561702126 * dchi2 * eta3 +
    2.3170397514509933 * dchi * delta * (1 - 3.2624649875884852 * eta) * eta3 * S;
  return noSpin + eqSpin + uneqSpin;
}

/** Rational fit of the l = m = 2, n = 0 Kerr QNM ringdown frequency M_f f_ring as a function of the final spin. */
export function qnmFring22(a: number): number {
  const x2 = a * a;
  const x3 = x2 * a;
  const x4 = x2 * x2;
  const x5 = x3 * x2;
  const x6 = x3 * x3;
  const x7 = x4 * x3;
  return (0.05947169566573468 - 0.14989771215394762 * a + 0.09535606290986028 * x2 + 0.02260924869042963 * x3 -
      0.02501704155363241 * x4 - 0.005852438240997211 * x5 + 0.0027489038393367993 * x6 + 0.0005821983163192694 * x7) /
    (1 - 2.8570126619966296 * a + 2.373335413978394 * x2 - 0.6036964688511505 * x4 + 0.0873798215084077 * x6);
}

/** Rational fit of the l = m = 2, n = 0 Kerr QNM damping frequency M_f f_damp as a function of the final spin. */
export function qnmFdamp22(a: number): number {
  const x2 = a * a;
  const x3 = x2 * a;
  const x4 = x2 * x2;
  const x5 = x3 * x2;
  const x6 = x3 * x3;
  return (0.014158792290965177 - 0.036989395871554566 * a + 0.026822526296575368 * x2 + 0.0008490933750566702 * x3 -
      0.004843996907020524 * x4 - 0.00014745235759327472 * x5 + 0.0001504546201236794 * x6) /
    (1 - 2.5900842798681376 * a + 1.8952576220623967 * x2 - 0.31416610693042507 * x4 + 0.009002719412204133 * x6);
}

/** Fit of the phase derivative of the 22 hybrids at f_ring - f_damp (time alignment, LAL's XLALSimIMRPhenomXLinb). */
export function linbFit(eta: number, S: number, dchi: number, delta: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const eta5 = eta3 * eta2;
  const eta6 = eta4 * eta2;
  const S2 = S * S;
  const S3 = S2 * S;
  const S4 = S3 * S;
  const noSpin = 3155.1635543201924 + 1257.9949740608242 * eta - 32243.28428870599 * eta2 + 347213.65466875216 * eta3 -
    1.9223851649491738e6 * eta4 + 5.3035911346921865e6 * eta5 - 5.789128656876938e6 * eta6;
  const eqSpin = (-24.181508118588667 + 115.49264174560281 * eta - 380.19778216022763 * eta2) * S +
    (24.72585609641552 - 328.3762360751952 * eta + 725.6024119989094 * eta2) * S2 +
    (23.404604124552 - 646.3410199799737 * eta + 1941.8836639529036 * eta2) * S3 +
    (-12.814828278938885 - 325.92980012408367 * eta + 1320.102640190539 * eta2) * S4;
  const uneqSpin = -148.17317525117338 * dchi * delta * eta2;
  return noSpin + eqSpin + uneqSpin;
}

/** Fit of the time offset [M] between the peaks of psi4 and of the strain (LAL's XLALSimIMRPhenomXPsi4ToStrain). */
export function psi4ToStrain(eta: number, S: number, dchi: number): number {
  const eta2 = eta * eta;
  const eta3 = eta2 * eta;
  const eta4 = eta3 * eta;
  const S2 = S * S;
  const S3 = S2 * S;
  const S4 = S3 * S;
  const noSpin = 13.39320482758057 - 175.42481512989315 * eta + 2097.425116152503 * eta2 - 9862.84178637907 * eta3 + 16026.897939722587 * eta4;
  const eqSpin = (4.7895602776763 - 163.04871764530466 * eta + 609.5575850476959 * eta2) * S +
    (1.3934428041390161 - 97.51812681228478 * eta + 376.9200932531847 * eta2) * S2 +
    (15.649521097877374 + 137.33317057388916 * eta - 755.9566456906406 * eta2) * S3 +
    (13.097315867845788 + 149.30405703643288 * eta - 764.5242164872267 * eta2) * S4;
  const uneqSpin = 105.37711654943146 * dchi * Math.sqrt(1 - 4 * eta) * eta2;
  return noSpin + eqSpin + uneqSpin;
}
