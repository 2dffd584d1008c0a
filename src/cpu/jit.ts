// Tier-1 block compiler: a block executed often enough becomes one JS function (new Function)
// in which the specialised handler templates (ops/fast.ts) are inlined with the instruction's
// fields as constants, and the other instructions are direct calls of their handlers. V8 then
// optimises each hot block on its own (DESIGN.md "Tier 1": compile only hot code; keep functions
// small). A fault inside a compiled block reports the index of the faulting instruction in
// cpu.faultIdx so the interpreter can restore the precise RIP.
import type { Cpu } from './state.js';
import type { Handler, Insn } from './decode/insn.js';
import { templateOf } from './ops/fast.js';
import { cond, getCF } from './flags.js';
import { mulHiU32 } from './ops/mul128.js';

/** A compiled block. */
export type CompiledBlock = (c: Cpu) => void;

const FIELD = /\bi\.(\w+)/g;

function literal(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new Error(`jit: cannot inline field value ${String(v)}`);
}

/** Compiles a decoded block. */
export function compileBlock(insns: Insn[]): CompiledBlock {
  const params: string[] = ['cond', 'mulHiU32', 'getCF'];
  const args: unknown[] = [cond, mulHiU32, getCF];
  const lines: string[] = ['const r = c.r;', 'let k = 0;', 'try {'];
  const last = insns.length - 1;
  insns.forEach((ins, n) => {
    lines.push(` k = ${n};`);
    if (n === last) lines.push(` c.rip = ${literal(ins.next)};`);
    const body = templateOf(ins.fn);
    if (body !== undefined) {
      const inl = body.replace(/^ const r = c\.r;\n/, '').replace(FIELD, (_m, f: string) => literal((ins as unknown as Record<string, unknown>)[f]));
      lines.push(` {${inl}\n }`);
    } else {
      params.push(`h${n}`, `i${n}`);
      args.push(ins.fn, ins);
      lines.push(` h${n}(c, i${n});`);
    }
  });
  lines.push('} catch (e) { c.faultIdx = k; throw e; }');
  const name = `block_${insns[0].addr.toString(16)}`;
  const factory = new Function(...params, `return function ${name}(c) {\n${lines.join('\n')}\n};`) as (...a: unknown[]) => CompiledBlock;
  return factory(...args);
}

void ({} as Handler);
