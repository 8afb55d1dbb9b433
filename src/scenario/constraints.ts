/**
 * What limits a month's purchases. Declared once: the order here is the order the
 * timeline checks them in (on a tie the first wins), and the code of each is its index,
 * which is how a month's binding constraint is stored. Power that a site brings online
 * itself says which part of it held purchases back: the equipment (its lead time or the
 * world's build of it), the grid's interconnection wait, or the capital for power plants.
 * In a world scenario's history, purchases are what was shipped.
 */
export const CONSTRAINTS = [
  'none',
  'power',
  'capital',
  'supply',
  'plan',
  'shipments',
  'power: equipment',
  'power: interconnection',
  'power: capital',
] as const;

export type Constraint = (typeof CONSTRAINTS)[number];

/** A constraint's code, as the month series stores it. */
export const CODE = {
  none: 0,
  power: 1,
  capital: 2,
  supply: 3,
  plan: 4,
  shipments: 5,
  powerEquipment: 6,
  powerInterconnection: 7,
  powerCapital: 8,
} as const;

/** The limits the timeline checks, in order (every constraint but 'none'). */
export const LIMITS = CONSTRAINTS.slice(1) as ReadonlyArray<Exclude<Constraint, 'none'>>;
