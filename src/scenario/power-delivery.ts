import { deliveredNow } from '../model/power-supply.js';
import { SECONDS_PER_MONTH } from '../units/dimensions.js';
import { CODE } from './constraints.js';
import type { SitePlan, SitePowerPlan } from './inputs.js';

/** What held a site's power back this month, as a constraint code. */
export type PowerPart =
  | typeof CODE.power
  | typeof CODE.powerEquipment
  | typeof CODE.powerInterconnection
  | typeof CODE.powerCapital;

/**
 * Power brought online month by month for the sites that bring their own: a request and a
 * mix of sources, or power that follows the accelerators bought. A source delivers once its
 * lead time has passed since the order, within what a month of the site's share of the
 * world's build of it adds (and a one-off stock, for restarts), and within the capital left
 * for power plants. Firm watts are what is counted; the nameplate behind them (firm ÷
 * capacity factor) is what costs. Sites following their accelerators plan ahead, so lead
 * times do not hold them back; with a mix they build in its proportions (the scarcest
 * source sets the pace), without one each source adds what its share allows. Kept by a
 * timeline workspace and reset per run.
 */
export class PowerDelivery {
  private plans: Array<SitePowerPlan | undefined> = [];
  /** Firm watts delivered so far, per site and source. */
  private delivered: Float64Array[] = [];
  /** Per site and source: this month's firm watts, as worked out (scratch). */
  private scratch: Float64Array[] = [];
  /** Capital spent on power plants this month. */
  capex = 0;

  reset(sites: readonly SitePlan[] | undefined): void {
    const list = sites ?? [];
    // A Monte Carlo run resets once a sample with the same sites: keep the arrays, zeroed.
    const same = list.length === this.plans.length && list.every((s, i) => s.power === this.plans[i]);
    if (!same) {
      this.plans = list.map((s) => s.power);
      this.delivered = this.plans.map((p) => new Float64Array(p?.options.length ?? 0));
      this.scratch = this.plans.map((p) => new Float64Array(p?.options.length ?? 0));
    } else for (const d of this.delivered) d.fill(0);
    this.capex = 0;
  }

  /** Start a month: nothing spent on power plants yet. */
  beginMonth(): void {
    this.capex = 0;
  }

  /** Firm watts a month of one source's build adds at `month` (Infinity when nothing limits it). */
  private buildThisMonth(plan: SitePowerPlan, k: number, month: number): number {
    const option = plan.options[k];
    if (!option) return 0;
    if (option.buildPerYear === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
    const grown = option.buildPerYear * (1 + plan.growth) ** ((month - plan.since) / 12);
    return (grown / 12) * option.capacityFactor;
  }

  /** Firm watts one source can still add this month: its build, within what is left of a stock. */
  private addsThisMonth(plan: SitePowerPlan, k: number, month: number, before: number): number {
    const option = plan.options[k];
    if (!option) return 0;
    const stockLeft = Math.max(0, option.stock * option.capacityFactor - before);
    return Math.min(this.buildThisMonth(plan, k, month), stockLeft);
  }

  private leadOver(plan: SitePowerPlan, k: number, month: number): boolean {
    const option = plan.options[k];
    return !!option && month >= plan.ordered + Math.round(option.leadTime / SECONDS_PER_MONTH);
  }

  /** USD per firm watt of source k. */
  private costOf(plan: SitePowerPlan, k: number): number {
    const option = plan.options[k];
    return option ? option.costPerWatt / option.capacityFactor : 0;
  }

  /** What holding back source k is called: waiting on the grid, or on equipment. */
  private partOf(plan: SitePowerPlan, k: number): PowerPart {
    return plan.options[k]?.grid ? CODE.powerInterconnection : CODE.powerEquipment;
  }

  /**
   * A requesting site's power this month: each source delivers its part of the request as
   * lead time, build and capital allow. Returns the power and what held it back most.
   */
  requested(site: number, month: number, capitalLeft: number): { power: number; part: PowerPart } {
    const plan = this.plans[site] as SitePowerPlan;
    const mix = plan.mix ?? [];
    const delivered = this.delivered[site] as Float64Array;
    const next = this.scratch[site] as Float64Array;
    const wanted = plan.requestAt?.(month) ?? 0;
    let cost = 0;
    for (let k = 0; k < delivered.length; k++) {
      const before = delivered[k] as number;
      const due = this.leadOver(plan, k, month) ? (mix[k] ?? 0) * wanted : 0;
      const now = deliveredNow(due, before, this.addsThisMonth(plan, k, month, before));
      next[k] = now;
      cost += (now - before) * this.costOf(plan, k);
    }
    // Power plants are paid for first; without the capital, every source builds less alike.
    const scale = cost > capitalLeft ? Math.max(0, capitalLeft) / cost : 1;
    let power = 0;
    let worst = 0;
    let part: PowerPart = CODE.power;
    for (let k = 0; k < delivered.length; k++) {
      const before = delivered[k] as number;
      const now = before + ((next[k] as number) - before) * scale;
      delivered[k] = now;
      power += now;
      const short = (mix[k] ?? 0) * wanted - now;
      if (short > worst) {
        worst = short;
        // A grid source still in its queue waits on the interconnection; anything else on equipment.
        part =
          scale < 1
            ? CODE.powerCapital
            : !this.leadOver(plan, k, month) && plan.options[k]?.grid
              ? CODE.powerInterconnection
              : CODE.powerEquipment;
      }
    }
    this.capex += cost * scale;
    return { power, part };
  }

  /**
   * A site whose power follows its accelerators: what it has, plus the most this month adds
   * and the capital left can pay for. In a world's history (`unbounded`) power is whatever
   * was installed.
   */
  available(
    site: number,
    month: number,
    capitalLeft: number,
    unbounded: boolean,
  ): { power: number; part: PowerPart } {
    const plan = this.plans[site] as SitePowerPlan;
    const delivered = this.delivered[site] as Float64Array;
    const adds = this.scratch[site] as Float64Array;
    let have = 0;
    for (let k = 0; k < delivered.length; k++) {
      have += delivered[k] as number;
      adds[k] = this.addsThisMonth(plan, k, month, delivered[k] as number);
    }
    if (unbounded) return { power: Number.POSITIVE_INFINITY, part: CODE.power };
    let headroom: number;
    let part: PowerPart = CODE.power;
    let costPerWatt: number;
    if (plan.mix) {
      // In the mix's proportions: the scarcest source sets how much can be added.
      headroom = Number.POSITIVE_INFINITY;
      costPerWatt = 0;
      for (let k = 0; k < adds.length; k++) {
        const share = plan.mix[k] ?? 0;
        if (share <= 0) continue;
        costPerWatt += share * this.costOf(plan, k);
        const room = (adds[k] as number) / share;
        if (room < headroom) {
          headroom = room;
          part = this.partOf(plan, k);
        }
      }
    } else {
      // Every source as much as its share allows; the largest of them names what binds.
      headroom = 0;
      let cost = 0;
      let largest = 0;
      for (let k = 0; k < adds.length; k++) {
        const room = adds[k] as number;
        headroom += room;
        cost += room * this.costOf(plan, k);
        if (room > largest) {
          largest = room;
          part = this.partOf(plan, k);
        }
      }
      costPerWatt = headroom > 0 && Number.isFinite(headroom) ? cost / headroom : 0;
    }
    const affordable = costPerWatt > 0 ? Math.max(0, capitalLeft) / costPerWatt : Number.POSITIVE_INFINITY;
    if (affordable < headroom) {
      headroom = affordable;
      part = CODE.powerCapital;
    }
    return { power: have + headroom, part };
  }

  /**
   * After a month's installs, a site that follows its accelerators builds what they draw
   * beyond its power: in its mix's proportions, or from each source in proportion to what
   * it could add this month (evenly if none is limited).
   */
  settle(site: number, use: number): void {
    const plan = this.plans[site];
    if (!plan || plan.requestAt) return;
    const delivered = this.delivered[site] as Float64Array;
    const adds = this.scratch[site] as Float64Array;
    let have = 0;
    let room = 0;
    for (let k = 0; k < delivered.length; k++) {
      have += delivered[k] as number;
      room += adds[k] as number;
    }
    const need = use - have;
    if (need <= 0) return;
    const n = delivered.length;
    for (let k = 0; k < n; k++) {
      const share = plan.mix
        ? (plan.mix[k] ?? 0)
        : room > 0 && Number.isFinite(room)
          ? (adds[k] as number) / room
          : 1 / n;
      const built = share * need;
      delivered[k] = (delivered[k] as number) + built;
      this.capex += built * this.costOf(plan, k);
    }
  }

  /** Firm watts delivered so far at a site. */
  deliveredAt(site: number): number {
    const delivered = this.delivered[site];
    let have = 0;
    if (delivered) for (let k = 0; k < delivered.length; k++) have += delivered[k] as number;
    return have;
  }
}
