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

/** LAL's powers of x (x^{k/3} from x^{1/6}, x^{-k} as 1/x^k). */
export function powers(x: number): Powers {
  const oneSixth = Math.pow(x, 1 / 6);
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
  return {
    itself: x, log: Math.log(x), oneSixth, mOneSixth, oneThird, mOneThird: 1 / oneThird, twoThirds, mTwoThirds: 1 / twoThirds,
    fourThirds, mFourThirds: 1 / fourThirds, fiveThirds, mFiveThirds: 1 / fiveThirds,
    sevenThirds, mSevenThirds: 1 / sevenThirds, eightThirds, mEightThirds: 1 / eightThirds, tenThirds, mTenThirds: 1 / tenThirds,
    mOne: 1 / x, two, three, four, five, mTwo: 1 / two, mThree: 1 / three, mFour: 1 / four, mFive: 1 / five,
    sevenSixths: oneSixth * x, mSevenSixths: mOneSixth * (1 / x),
  };
}

/** Powers of pi (LAL's powers_of_lalpi). */
export const PI_POWERS = powers(Math.PI);
