// Synchronous exceptions raised by instructions (SDM Vol. 3 §6.15): #UD → SIGILL, #DE → SIGFPE,
// #BP → SIGTRAP, #GP in user mode → SIGSEGV. Thrown as one preallocated object so that raising
// allocates nothing; the interpreter catches it and stops with cpu.stop set.
import { STOP_DIVIDE, STOP_FAULT, STOP_HALT, STOP_ILLEGAL, STOP_TRAP, type Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';

/** The thrown marker; the details are in the Cpu (stop, rip). */
export const CPU_TRAP = { trap: true };

function raise(c: Cpu, i: Insn, stop: number, ripAfter: boolean): never {
  c.stop = stop;
  c.rip = ripAfter ? i.next : i.addr;
  throw CPU_TRAP;
}

/** #UD: undefined or unimplemented opcode (SIGILL, ILL_ILLOPN). */
export function opUD(c: Cpu, i: Insn): void {
  raise(c, i, STOP_ILLEGAL, false);
}

/** #DE: divide error (SIGFPE, FPE_INTDIV). */
export function raiseDE(c: Cpu, i: Insn): never {
  return raise(c, i, STOP_DIVIDE, false);
}

/** #GP(0) in user mode: privileged instruction, delivered as SIGSEGV (si_addr 0). */
export function raiseGP(c: Cpu, i: Insn): never {
  c.faultAddr = 0;
  c.faultCode = 0x80; // SI_KERNEL
  return raise(c, i, STOP_HALT, false);
}

/** #BP: int3 (SIGTRAP, RIP after the instruction). */
export function opInt3(c: Cpu, i: Insn): void {
  raise(c, i, STOP_TRAP, true);
}

/** A memory fault discovered by a handler outside the accessors (e.g. alignment #GP). */
export function raiseSegv(c: Cpu, i: Insn, addr: number): never {
  c.faultAddr = addr;
  c.faultCode = 0x80;
  return raise(c, i, STOP_FAULT, false);
}
