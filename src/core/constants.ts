/**
 * Physical constants, SI units, with LALSuite's current values (lal/std/LALConstants.h,
 * LAL >= 7.1: IAU 2015 nominal solar mass parameter). One `const` each.
 */

/** Speed of light in vacuum [m s^-1] (exact; LAL_C_SI). */
export const C_SI = 299792458;
/** Newtonian constant of gravitation [m^3 kg^-1 s^-2] (CODATA 2018; LAL_G_SI). */
export const G_SI = 6.6743e-11;
/** Solar mass [kg] = GMSUN / G (LAL_MSUN_SI). */
export const MSUN_SI = 1.988409870698050731911960804878414216e30;
/** Geometrized solar mass, time [s] = G MSUN / c^3 (LAL_MTSUN_SI). */
export const MTSUN_SI = 4.925490947641266978197229498498379006e-6;
/** Geometrized solar mass, length [m] = G MSUN / c^2 (LAL_MRSUN_SI). */
export const MRSUN_SI = 1.476625038050124729627979840144936351e3;
/** Parsec [m] (IAU 2015; LAL_PC_SI). */
export const PC_SI = 3.085677581491367278913937957796471611e16;
/** Euler-Mascheroni constant (LAL_GAMMA). */
export const GAMMA = 0.577215664901532860606512090082402431;
/** One megaparsec [m]. */
export const MPC_SI = 1e6 * PC_SI;
