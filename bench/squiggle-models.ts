/**
 * The cluster calculator with six uncertain inputs, as gigawatt takes it and as Squiggle
 * writes it: the model both Monte Carlo benchmarks (in-process and whole-process) run.
 */

/** gigawatt's inputs: the six uncertain ones as 90% intervals. */
export const CLUSTER_INPUTS = {
  accelerator: 'h100',
  count: '100k',
  pue: '1.1 to 1.4',
  price: '$25k to $35k',
  it_power: '1.3 kW to 1.6 kW',
  electricity_price: '$0.05/kWh to $0.12/kWh',
  lifetime: '4 years to 6 years',
  cost_of_capital: '6% to 14%',
};

/** The same model in Squiggle: the same intervals and arithmetic, the same three outputs summarized. */
export const SQUIGGLE_CLUSTER = `
count = 100000
pue = 1.1 to 1.4
price = 25000 to 35000
itPower = 1300 to 1600
elec = 0.05 to 0.12
life = 4 to 6
coc = 0.06 to 0.14
it = count * itPower
facility = it * pue
energyKwh = facility * 0.75 * 8766 / 1000
accelCapex = count * price
facilityCapex = it * 14
crf = coc / (1 - (1 + coc) ^ (-life))
crfF = coc / (1 - (1 + coc) ^ (-15))
opex = energyKwh * elec + 0.01 * (accelCapex + facilityCapex)
costPerHour = (accelCapex * crf + facilityCapex * crfF + opex) / (count * 8766)
stats(x) = [mean(x), quantile(x, 0.05), quantile(x, 0.5), quantile(x, 0.95)]
[stats(costPerHour), stats(accelCapex + facilityCapex), stats(facility)]
`;

/** The outputs every contestant summarizes (mean, p5, p50, p95). */
export const CLUSTER_OUTPUTS = ['facility_power', 'total_capex', 'cost_per_accelerator_hour'];
