/**
 * What limits a month's purchases. Declared once: the order here is the order the
 * timeline checks them in (on a tie the first wins), and the code of each is its index,
 * which is how a month's binding constraint is stored.
 */
export const CONSTRAINTS = ['none', 'power', 'capital', 'supply', 'plan'] as const;

export type Constraint = (typeof CONSTRAINTS)[number];

/** A constraint's code, as the month series stores it. */
export const CODE = { none: 0, power: 1, capital: 2, supply: 3, plan: 4 } as const satisfies Record<
  Constraint,
  number
>;

/** The limits the timeline checks, in order (every constraint but 'none'). */
export const LIMITS = CONSTRAINTS.slice(1) as ReadonlyArray<Exclude<Constraint, 'none'>>;
