/**
 * Fractional powers of pi used by IMRPhenomD, formed as LAL's init_useful_powers(pi) does
 * (sixth root by pow, then products), so that prefactors round as in LALSimIMRPhenomD_internals.c.
 */

const PI_SIXTH = Math.pow(Math.PI, 1 / 6);
const PI_M_SIXTH_POW = 1 / PI_SIXTH;

/** pi^{1/3}. */
export const PI_THIRD = PI_SIXTH * PI_SIXTH;
/** pi^{2/3}. */
export const PI_TWO_THIRDS = PI_THIRD * PI_THIRD;
/** pi^{4/3}. */
export const PI_FOUR_THIRDS = Math.PI * PI_THIRD;
/** pi^{5/3}. */
export const PI_FIVE_THIRDS = PI_FOUR_THIRDS * PI_THIRD;
/** pi^{-1/3}. */
export const PI_M_THIRD = PI_M_SIXTH_POW * PI_M_SIXTH_POW;
/** pi^{-2/3}. */
export const PI_M_TWO_THIRDS = PI_M_THIRD * PI_M_THIRD;
/** pi^{-5/3}. */
export const PI_M_FIVE_THIRDS = (1 / Math.PI) * PI_M_TWO_THIRDS;
/** pi^{-1/6} to 37 digits (LAL's PI_M_SIXTH, used in the amplitude scale A0). */
export const PI_M_SIXTH = 0.8263074871107581108331125856317241299;
