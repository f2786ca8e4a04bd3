/**
 * Powers of one frequency as IMRPhenomX forms them (LAL's IMRPhenomX_Initialize_Powers: every power from
 * x^{1/6} = pow(x, 1/6) by products), so that set-up values round as LAL's do.
 */

/** Powers of x >= 0 used by the IMRPhenomXHM set-up. */
export interface Powers {
  itself: number; log: number;
  oneSixth: number; mOneSixth: number; oneThird: number; mOneThird: number; twoThirds: number; mTwoThirds: number;
  fourThirds: number; mFourThirds: number; fiveThirds: number; mFiveThirds: number;
  sevenThirds: number; mSevenThirds: number; eightThirds: number; mEightThirds: number; tenThirds: number; mTenThirds: number;
  mOne: number; two: number; three: number; four: number; five: number; mTwo: number; mThree: number; mFour: number; mFive: number;
  sevenSixths: number; mSevenSixths: number;
}

/** A Powers record to be filled by powersInto (all zero; one object shape for every record). */
export function newPowers(): Powers {
  return {
    itself: 0, log: 0, oneSixth: 0, mOneSixth: 0, oneThird: 0, mOneThird: 0, twoThirds: 0, mTwoThirds: 0,
    fourThirds: 0, mFourThirds: 0, fiveThirds: 0, mFiveThirds: 0, sevenThirds: 0, mSevenThirds: 0, eightThirds: 0, mEightThirds: 0,
    tenThirds: 0, mTenThirds: 0, mOne: 0, two: 0, three: 0, four: 0, five: 0, mTwo: 0, mThree: 0, mFour: 0, mFive: 0,
    sevenSixths: 0, mSevenSixths: 0,
  };
}

/** Fill p with LAL's powers of x (x^{k/3} from x^{1/6} by products, as LAL; negative ones from 1/x and x^{-1/6}); returns p. */
export function powersInto(p: Powers, x: number): Powers {
  // sqrt(cbrt(x)) is x^{1/6} to an ulp and three times faster than pow(x, 1/6) in V8
  return powersFromSixth(p, x, Math.sqrt(Math.cbrt(x)));
}

/** Fill p with the powers of x built from oneSixth = x^{1/6}. */
function powersFromSixth(p: Powers, x: number, oneSixth: number): Powers {
  const mOneSixth = 1 / oneSixth;
  const oneThird = oneSixth * oneSixth;
  const twoThirds = oneThird * oneThird;
  const fourThirds = twoThirds * twoThirds;
  const fiveThirds = fourThirds * oneThird;
  const sevenThirds = fourThirds * x;
  const eightThirds = sevenThirds * oneThird;
  const tenThirds = sevenThirds * x;
  const two = x * x;
  const three = two * x;
  const four = three * x;
  const five = four * x;
  // negative powers by products of 1/x and x^{-1/6} (one division; within an ulp or two of LAL's 1/x^k)
  const mOne = 1 / x;
  const mOneThird = mOneSixth * mOneSixth;
  const mTwoThirds = mOneThird * mOneThird;
  const mTwo = mOne * mOne;
  p.itself = x; p.log = Math.log(x); p.oneSixth = oneSixth; p.mOneSixth = mOneSixth; p.oneThird = oneThird; p.mOneThird = mOneThird;
  p.twoThirds = twoThirds; p.mTwoThirds = mTwoThirds; p.fourThirds = fourThirds; p.mFourThirds = mOne * mOneThird;
  p.fiveThirds = fiveThirds; p.mFiveThirds = mOne * mTwoThirds; p.sevenThirds = sevenThirds; p.mSevenThirds = mTwo * mOneThird;
  p.eightThirds = eightThirds; p.mEightThirds = mTwo * mTwoThirds; p.tenThirds = tenThirds; p.mTenThirds = mTwo * mOne * mOneThird;
  p.mOne = mOne; p.two = two; p.three = three; p.four = four; p.five = five;
  p.mTwo = mTwo; p.mThree = mTwo * mOne; p.mFour = mTwo * mTwo; p.mFive = mTwo * mTwo * mOne;
  p.sevenSixths = oneSixth * x; p.mSevenSixths = mOneSixth * mOne;
  return p;
}

/** LAL's powers of x in a new record (x^{1/6} = pow(x, 1/6) exactly as LAL; for the set-up). */
export function powers(x: number): Powers {
  return powersFromSixth(newPowers(), x, Math.pow(x, 1 / 6));
}

/** Powers of pi (LAL's powers_of_lalpi). */
export const PI_POWERS = powers(Math.PI);
