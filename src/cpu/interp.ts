// Tier-0 interpreter: decoded basic blocks cached by guest address (direct-mapped), executed by
// calling each instruction's handler from the opcode table. Blocks end at control transfers
// (rows with `end`), at SYSCALL, or after MAX_BLOCK instructions. Writes to a page holding
// decoded code invalidate its blocks (AddressSpace.onCodeWrite), so self-modifying code and
// JITs see their new bytes (SDM Vol. 3 §11.6 self-modifying code).
import { AddressSpace, GuestFault } from './memory.js';
import { STOP_BUDGET, STOP_FAULT, STOP_NONE, type Cpu } from './state.js';
import { decode } from './decode/decoder.js';
import type { Insn } from './decode/insn.js';
import { CPU_TRAP } from './ops/traps.js';
import { compileBlock, type CompiledBlock } from './jit.js';

const MAX_BLOCK = 64;
const CACHE_BITS = 16;
const CACHE_MASK = (1 << CACHE_BITS) - 1;


/** Executions before a block is compiled (DESIGN.md: a fresh function is slow until V8 warms it). */
const JIT_THRESHOLD = 256;

/** A decoded basic block. */
export class Block {
  valid = true;
  hits = 0;
  compiled: CompiledBlock | null = null;
  /** Two-entry successor cache (taken / fall-through), so hot paths skip the hash lookup. */
  succA: Block | null = null;
  succB: Block | null = null;
  constructor(readonly addr: number, readonly insns: Insn[], readonly end: number) {}
}

/** Direct-mapped cache index of a block address. */
export function slot(addr: number): number {
  return ((addr >>> 0) ^ (addr / 65536)) & CACHE_MASK;
}

/** Decoded-code cache of one address space. */
export class CodeCache {
  readonly slots: (Block | undefined)[] = new Array(CACHE_MASK + 1);
  private readonly byPage = new Map<number, Block[]>();
  blocksBuilt = 0;

  constructor(private readonly mem: AddressSpace) {
    mem.onCodeWrite = (page) => this.invalidatePage(page);
  }

  /** The block starting at addr, decoding it if needed. */
  get(addr: number): Block {
    const s = slot(addr);
    const b = this.slots[s];
    if (b !== undefined && b.addr === addr && b.valid) return b;
    const nb = this.build(addr);
    this.slots[s] = nb;
    return nb;
  }

  private build(addr: number): Block {
    const insns: Insn[] = [];
    let pc = addr;
    for (;;) {
      let ins: Insn;
      try {
        ins = decode(this.mem, pc);
      } catch (e) {
        // A fetch fault on the first instruction is the guest's fault; later ones end the block
        // so the fault is raised only if execution really gets there.
        if (insns.length === 0 || !(e instanceof GuestFault)) throw e;
        break;
      }
      insns.push(ins);
      pc = ins.next;
      if (ins.end || insns.length >= MAX_BLOCK) break;
    }
    const b = new Block(addr, insns, pc);
    for (let p = addr - (addr & 4095); p < pc; p += 4096) {
      let list = this.byPage.get(p);
      if (list === undefined) this.byPage.set(p, (list = []));
      list.push(b);
    }
    this.blocksBuilt++;
    return b;
  }

  /** Drops every block that overlaps a page (its bytes were written or unmapped). */
  invalidatePage(page: number): void {
    const list = this.byPage.get(page);
    if (list === undefined) return;
    for (const b of list) b.valid = false;
    this.byPage.delete(page);
  }
}

const caches = new WeakMap<AddressSpace, CodeCache>();

/** The code cache of an address space (shared by its threads). */
export function codeCacheFor(mem: AddressSpace): CodeCache {
  let cc = caches.get(mem);
  if (cc === undefined) caches.set(mem, (cc = new CodeCache(mem)));
  return cc;
}

/**
 * Runs the thread until it stops: a syscall, a fault or trap, or about `budget` instructions
 * (checked at block boundaries). Returns cpu.stop.
 */
export function run(c: Cpu, budget: number, jit = true): number {
  const cache = codeCacheFor(c.mem);
  const slots = cache.slots;
  c.stop = STOP_NONE;
  let executed = 0;
  let cur: Block | null = null;
  let k = 0;
  let prev: Block | null = null;
  try {
    while (executed < budget) {
      const rip = c.rip;
      let b: Block;
      // Successor cache first: a valid cached block with the right address.
      if (prev !== null && prev.succA !== null && prev.succA.addr === rip && prev.succA.valid) b = prev.succA;
      else if (prev !== null && prev.succB !== null && prev.succB.addr === rip && prev.succB.valid) b = prev.succB;
      else {
        cur = null;
        const sb = slots[slot(rip)];
        b = sb !== undefined && sb.addr === rip && sb.valid ? sb : cache.get(rip);
        if (prev !== null) {
          if (prev.succA === null || !prev.succA.valid) prev.succA = b;
          else prev.succB = b;
        }
      }
      cur = b;
      const insns = b.insns;
      const fn = b.compiled;
      if (fn !== null) {
        k = -1;
        fn(c);
      } else {
        if (++b.hits >= JIT_THRESHOLD && jit) b.compiled = compileBlock(insns);
        const last = insns.length - 1;
        for (k = 0; k < last; k++) {
          const ins = insns[k];
          ins.fn(c, ins);
        }
        const ins = insns[last];
        c.rip = ins.next;
        ins.fn(c, ins);
      }
      executed += insns.length;
      prev = b;
      if (c.stop !== STOP_NONE) break;
    }
  } catch (e) {
    if (k === -1) k = c.faultIdx;
    if (e === CPU_TRAP) {
      executed += k;
    } else if (e instanceof GuestFault) {
      c.stop = STOP_FAULT;
      c.faultAddr = e.addr;
      c.faultCode = e.code;
      if (cur !== null) c.rip = cur.insns[k].addr;
      executed += k;
    } else throw e;
  }
  c.icount += executed;
  if (c.stop === STOP_NONE) c.stop = STOP_BUDGET;
  return c.stop;
}
