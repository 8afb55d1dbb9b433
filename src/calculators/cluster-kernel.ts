import type { ClusterEconomics, ClusterSpec } from '../model/cluster.js';
import { acceleratorsForBudget, clusterEconomics } from '../model/cluster.js';
import { acceleratorsForPower } from '../model/power.js';
import type { Kernel } from './types.js';

/** Input name → the ClusterSpec field it sets, for the Monte Carlo fast path. */
const SPEC_FIELDS = {
  pue: 'pue',
  it_power: 'itPowerPerAccelerator',
  price: 'pricePerAccelerator',
  electricity_price: 'electricityPrice',
  facility_capex: 'facilityCapexPerItWatt',
  lifetime: 'hardwareLifetime',
  facility_lifetime: 'facilityLifetime',
  cost_of_capital: 'costOfCapital',
  upkeep: 'upkeepRate',
  load_factor: 'loadFactor',
} as const satisfies Record<string, keyof ClusterSpec>;

/** The kernel's output columns, in the order it writes them. */
export const ECONOMICS_COLUMNS = [
  'count',
  'peak_flops',
  'h100e',
  'it_power',
  'facility_power',
  'annual_energy',
  'accelerator_capex',
  'facility_capex',
  'total_capex',
  'annual_energy_cost',
  'annual_upkeep',
  'annual_opex',
  'annualized_capex',
  'cost_per_accelerator_hour',
] as const;

/** The outputs in ECONOMICS_COLUMNS order, written into `row` (reused by the kernel, so no allocation per sample). */
export function economicsRow(
  e: ClusterEconomics,
  row = new Float64Array(ECONOMICS_COLUMNS.length),
): Float64Array {
  row[0] = e.count;
  row[1] = e.peakFlops;
  row[2] = e.h100e;
  row[3] = e.itPower;
  row[4] = e.facilityPower;
  row[5] = e.annualEnergy;
  row[6] = e.acceleratorCapex;
  row[7] = e.facilityCapex;
  row[8] = e.totalCapex;
  row[9] = e.annualEnergyCost;
  row[10] = e.annualUpkeep;
  row[11] = e.annualOpex;
  row[12] = e.annualizedCapex;
  row[13] = e.costPerAcceleratorHour;
  return row;
}

type SpecField = keyof typeof SPEC_FIELDS;
const FIELDS = Object.keys(SPEC_FIELDS) as SpecField[];

/**
 * The cluster calculator over a block of samples, for Monte Carlo. A class, so every run's
 * kernel shares one `evaluate` function: optimized callers keep it inlined from run to run,
 * where a fresh closure per run would throw that code away each time.
 */
export class ClusterKernel implements Kernel {
  readonly inputs = [...FIELDS, 'count', 'facility_power', 'budget'];
  // A field not drawn reads from a column filled once with the one's value, so the
  // sample loop is plain typed-array reads with no per-field branch or closure.
  private readonly constants = new Map<SpecField, Float64Array>();
  private readonly row = new Float64Array(ECONOMICS_COLUMNS.length);

  constructor(
    /** A one-accelerator spec with every input at its given or default value. */
    private readonly one: ClusterSpec,
    private readonly mode: 'count' | 'power' | 'budget',
    private readonly fixedCount: number,
    /** The facility power or budget the count is solved from, when not drawn. */
    private readonly size: number,
  ) {}

  private column(columns: Readonly<Record<string, Float64Array>>, name: SpecField, length: number) {
    const drawn = columns[name];
    if (drawn) return drawn;
    let column = this.constants.get(name);
    if (!column || column.length < length) {
      column = new Float64Array(length).fill(this.one[SPEC_FIELDS[name]]);
      this.constants.set(name, column);
    }
    return column;
  }

  evaluate(
    columns: Readonly<Record<string, Float64Array>>,
    length: number,
    out: Record<string, Float64Array>,
  ): number {
    const { one, mode, fixedCount, size, row } = this;
    const pue = this.column(columns, 'pue', length);
    const itPower = this.column(columns, 'it_power', length);
    const price = this.column(columns, 'price', length);
    const electricityPrice = this.column(columns, 'electricity_price', length);
    const facilityCapex = this.column(columns, 'facility_capex', length);
    const lifetime = this.column(columns, 'lifetime', length);
    const facilityLifetime = this.column(columns, 'facility_lifetime', length);
    const costOfCapital = this.column(columns, 'cost_of_capital', length);
    const upkeep = this.column(columns, 'upkeep', length);
    const loadFactor = this.column(columns, 'load_factor', length);
    const sizeColumn = columns.facility_power ?? columns.budget;
    const countColumn = columns.count;
    const o = ECONOMICS_COLUMNS.map((name) => out[name]);
    let kept = 0;
    for (let j = 0; j < length; j++) {
      const spec: ClusterSpec = {
        count: 0,
        peakFlopsPerAccelerator: one.peakFlopsPerAccelerator,
        h100ePerAccelerator: one.h100ePerAccelerator,
        itPowerPerAccelerator: itPower[j] as number,
        pricePerAccelerator: price[j] as number,
        pue: pue[j] as number,
        facilityCapexPerItWatt: facilityCapex[j] as number,
        electricityPrice: electricityPrice[j] as number,
        loadFactor: loadFactor[j] as number,
        upkeepRate: upkeep[j] as number,
        hardwareLifetime: lifetime[j] as number,
        facilityLifetime: facilityLifetime[j] as number,
        costOfCapital: costOfCapital[j] as number,
      };
      const budgetOrPower = sizeColumn ? (sizeColumn[j] as number) : size;
      spec.count =
        mode === 'count'
          ? countColumn
            ? (countColumn[j] as number)
            : fixedCount
          : mode === 'power'
            ? acceleratorsForPower(budgetOrPower, spec.itPowerPerAccelerator, spec.pue)
            : acceleratorsForBudget(budgetOrPower, spec);
      if (spec.count < 1) continue;
      economicsRow(clusterEconomics(spec), row);
      for (let c = 0; c < o.length; c++) {
        const column = o[c];
        if (column) column[kept] = row[c] as number;
      }
      kept++;
    }
    return kept;
  }
}
