// Opcode coverage of the advertised CPUID features (issue 3, acceptance line 4): every instruction
// form valid in 64-bit user mode (iced-x86 Code) whose CPUID features src/cpu/cpuid.ts advertises
// must decode (same length as iced, not '(bad)') and execute without #UD. The check is
// tools/isa_coverage.mjs (also `npm run coverage:isa`), run here on the TypeScript sources.
import { describe, expect, it } from 'vitest';
import { computeCoverage, instancesOf, missingRows, userModeForms, X86_64_V3 } from '../../tools/isa_coverage.mjs';
import { decode } from '../../src/cpu/decode/decoder.js';
import { AddressSpace, GuestFault, PhysMem } from '../../src/cpu/memory.js';
import { Cpu, STOP_ILLEGAL } from '../../src/cpu/state.js';
import { CPU_TRAP } from '../../src/cpu/ops/traps.js';
import { cpuidLeaf } from '../../src/cpu/cpuid.js';

/** One row of the coverage result (see computeCoverage in tools/isa_coverage.mjs). */
interface CoverageRow {
  code: string;
  instr: string;
  opcode: string;
  feature: string;
  implemented: boolean;
  reason: string;
  detail: string;
  bytes: string;
}

/**
 * Forms of advertised features our decoder lacks today (iced-x86 Code names). Each runs as an
 * expected failure, so implementing one fails the run until it is removed from this list.
 * Adding a form here is only for a form that was already missing when its feature was advertised.
 */
const KNOWN_MISSING: readonly string[] = [];

const DEPS = { decode, AddressSpace, PhysMem, GuestFault, Cpu, STOP_ILLEGAL, CPU_TRAP, cpuidLeaf };
const RESULT = computeCoverage(DEPS, { advertised: true }) as { rows: CoverageRow[]; toolErrors: string[] };
const BY_CODE = new Map(RESULT.rows.map((r) => [r.code, r]));
const KNOWN = new Set(KNOWN_MISSING);

function describeRow(r: CoverageRow): string {
  return `${r.feature}: ${r.instr} [${r.opcode}] ${r.code}: ${r.detail} (bytes ${r.bytes})`;
}

describe('ISA coverage of the advertised CPUID features', () => {
  it('assembles an instance of every form in scope', () => {
    expect(RESULT.toolErrors).toEqual([]);
    expect(RESULT.rows.length).toBeGreaterThan(500);
  });

  it('implements every form of every advertised feature (except KNOWN_MISSING)', () => {
    const missing = (missingRows(RESULT) as CoverageRow[]).filter((r) => !KNOWN.has(r.code));
    console.log(`advertised forms: ${RESULT.rows.length}, implemented: ${RESULT.rows.filter((r) => r.implemented).length}`);
    expect(missing.map(describeRow), `MISSING forms:\n${missing.map(describeRow).join('\n')}`).toEqual([]);
  });

  it('KNOWN_MISSING names only forms of advertised features', () => {
    expect(KNOWN_MISSING.filter((c) => !BY_CODE.has(c))).toEqual([]);
  });

  it.fails.each(KNOWN_MISSING.filter((c) => BY_CODE.has(c)).map((c) => [c] as const))('%s (known missing)', (c) => {
    const r = BY_CODE.get(c)!;
    expect(r.implemented, describeRow(r)).toBe(true);
  });
});

describe('ISA coverage tool', () => {
  it('assembles every x86-64-v3 form so that iced decodes it back to the same Code', () => {
    const v3 = new Set(X86_64_V3);
    const errors: string[] = [];
    let n = 0;
    for (const f of userModeForms().forms as { features: string[] }[]) {
      if (f.features.length === 0 || !f.features.every((x) => v3.has(x))) continue;
      n++;
      const inst = instancesOf(f) as { error: string | null };
      if (inst.error) errors.push(inst.error);
    }
    expect(errors).toEqual([]);
    expect(n).toBeGreaterThan(1500);
  });
});
