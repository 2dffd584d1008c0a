// ISA coverage report (issue 3, acceptance line 4): every instruction form (iced-x86 `Code`) valid
// in 64-bit user mode whose CPUID features are in a feature set, checked against our decoder and
// opcode table (src/cpu/decode/). Form facts come from iced-x86 `OpCodeInfo` (encoding, map,
// mandatory prefix, ModRM constraints, VEX.L/W, CPUID features; Intel SDM Vol. 2 §2.1-2.3); each
// form is assembled from them, verified by iced's own decoder, decoded by ours, and executed once.
//
//   npm run coverage:isa                  x86-64-v3 target set (issue 3's goal)
//   npm run coverage:isa -- --advertised  only what src/cpu/cpuid.ts advertises
//   options: --no-write (do not rewrite docs/isa_coverage.md), --quiet (summary only)
//
// The CLI imports the compiled modules from dist/ (the npm script builds first); the test
// test/cpu/isa_coverage.test.ts imports this file and passes the TypeScript sources instead.
// Exit status 1 when a form of an advertised feature is MISSING.
import iced from 'iced-x86';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const { Code, CodeExt, CpuidFeature, Decoder, DecoderOptions, EncodingKind, Instruction, Mnemonic, OpCodeOperandKind: K } = iced;

// ---- feature sets -----------------------------------------------------------------------------

/** Features every x86-64 CPU has, with no CPUID bit of their own (iced CpuidFeature names). */
export const ARCH_BASE = ['INTEL8086', 'INTEL186', 'INTEL286', 'INTEL386', 'INTEL486', 'X64', 'CPUID', 'MULTIBYTENOP', 'PAUSE'];

/**
 * The x86-64-v3 target of issue 3: the x86-64 baseline (x87, CMOV, CX8, FXSR, SSE, SSE2, SYSCALL,
 * TSC) plus SSE3..SSE4.2, SSSE3, POPCNT, LZCNT, BMI1/2, MOVBE, CX16, AVX, AVX2, FMA, F16C, AES,
 * PCLMULQDQ, RDRAND, RDSEED, ADX, XSAVE and RDTSCP (named in the issue). MMX is not in it: the
 * issue does not list it and compilers emit it only for MMX intrinsics.
 */
export const X86_64_V3 = [
  ...ARCH_BASE, 'FPU', 'FPU287', 'FPU387', 'CMOV', 'CX8', 'FXSR', 'SSE', 'SSE2', 'SYSCALL', 'TSC', 'RDTSCP',
  'SSE3', 'SSSE3', 'SSE4_1', 'SSE4_2', 'POPCNT', 'LZCNT', 'BMI1', 'BMI2', 'MOVBE', 'CMPXCHG16B',
  'AVX', 'AVX2', 'FMA', 'F16C', 'AES', 'PCLMULQDQ', 'RDRAND', 'RDSEED', 'ADX', 'XSAVE',
];

/** iced CpuidFeature name → [leaf, subleaf, register (0 EAX, 1 EBX, 2 ECX, 3 EDX), bit] (SDM Vol. 2A "CPUID"). */
export const CPUID_BITS = {
  FPU: [1, 0, 3, 0], FPU287: [1, 0, 3, 0], FPU387: [1, 0, 3, 0], TSC: [1, 0, 3, 4], MSR: [1, 0, 3, 5],
  CX8: [1, 0, 3, 8], SEP: [1, 0, 3, 11], CMOV: [1, 0, 3, 15], CLFSH: [1, 0, 3, 19], MMX: [1, 0, 3, 23],
  FXSR: [1, 0, 3, 24], SSE: [1, 0, 3, 25], SSE2: [1, 0, 3, 26],
  SSE3: [1, 0, 2, 0], PCLMULQDQ: [1, 0, 2, 1], MONITOR: [1, 0, 2, 3], VMX: [1, 0, 2, 5], SMX: [1, 0, 2, 6],
  SSSE3: [1, 0, 2, 9], FMA: [1, 0, 2, 12], CMPXCHG16B: [1, 0, 2, 13], SSE4_1: [1, 0, 2, 19], SSE4_2: [1, 0, 2, 20],
  MOVBE: [1, 0, 2, 22], POPCNT: [1, 0, 2, 23], AES: [1, 0, 2, 25], XSAVE: [1, 0, 2, 26], AVX: [1, 0, 2, 28],
  F16C: [1, 0, 2, 29], RDRAND: [1, 0, 2, 30],
  FSGSBASE: [7, 0, 1, 0], BMI1: [7, 0, 1, 3], HLE: [7, 0, 1, 4], AVX2: [7, 0, 1, 5], BMI2: [7, 0, 1, 8],
  INVPCID: [7, 0, 1, 10], RTM: [7, 0, 1, 11], MPX: [7, 0, 1, 14], AVX512F: [7, 0, 1, 16], AVX512DQ: [7, 0, 1, 17],
  RDSEED: [7, 0, 1, 18], ADX: [7, 0, 1, 19], SMAP: [7, 0, 1, 20], AVX512_IFMA: [7, 0, 1, 21],
  CLFLUSHOPT: [7, 0, 1, 23], CLWB: [7, 0, 1, 24], AVX512CD: [7, 0, 1, 28], SHA: [7, 0, 1, 29],
  AVX512BW: [7, 0, 1, 30], AVX512VL: [7, 0, 1, 31],
  PREFETCHWT1: [7, 0, 2, 0], AVX512_VBMI: [7, 0, 2, 1], PKU: [7, 0, 2, 3], WAITPKG: [7, 0, 2, 5],
  AVX512_VBMI2: [7, 0, 2, 6], CET_SS: [7, 0, 2, 7], GFNI: [7, 0, 2, 8], VAES: [7, 0, 2, 9], VPCLMULQDQ: [7, 0, 2, 10],
  AVX512_VNNI: [7, 0, 2, 11], AVX512_BITALG: [7, 0, 2, 12], AVX512_VPOPCNTDQ: [7, 0, 2, 14], RDPID: [7, 0, 2, 22],
  CLDEMOTE: [7, 0, 2, 25], MOVDIRI: [7, 0, 2, 27], MOVDIR64B: [7, 0, 2, 28], ENQCMD: [7, 0, 2, 29],
  SERIALIZE: [7, 0, 3, 14], TSXLDTRK: [7, 0, 3, 16], CET_IBT: [7, 0, 3, 20],
  AVX_VNNI: [7, 1, 0, 4], AVX512_BF16: [7, 1, 0, 5],
  XSAVEOPT: [0xd, 1, 0, 0], XSAVEC: [0xd, 1, 0, 1], XSAVES: [0xd, 1, 0, 3],
  LZCNT: [0x80000001, 0, 2, 5], SSE4A: [0x80000001, 0, 2, 6], PREFETCHW: [0x80000001, 0, 2, 8],
  XOP: [0x80000001, 0, 2, 11], FMA4: [0x80000001, 0, 2, 16], TBM: [0x80000001, 0, 2, 21],
  SYSCALL: [0x80000001, 0, 3, 11], RDTSCP: [0x80000001, 0, 3, 27], D3NOWEXT: [0x80000001, 0, 3, 30],
  D3NOW: [0x80000001, 0, 3, 31], X64: [0x80000001, 0, 3, 29],
};

/** The iced feature names our CPUID advertises (the architectural base included). */
export function advertisedFeatures(cpuidLeaf) {
  const out = new Int32Array(4);
  const set = new Set(ARCH_BASE.filter((f) => f !== 'X64'));
  for (const [name, [leaf, sub, reg, bit]] of Object.entries(CPUID_BITS)) {
    cpuidLeaf(leaf, sub, out);
    if ((out[reg] >>> bit) & 1) set.add(name);
  }
  return set;
}

// ---- enumerating forms ------------------------------------------------------------------------

const enumName = (E, v) => E[v] ?? `#${v}`;
const codeName = (c) => enumName(Code, c);

/** Mnemonics of far transfers and far-pointer loads (excluded: segmented, not user ABI). */
const FAR_MNEMONICS = new Set(['Retf', 'Iret', 'Iretd', 'Iretq', 'Lfs', 'Lgs', 'Lss', 'Jmpe', 'Sysexit', 'Sysexitq', 'Sysret', 'Sysretq']);
/** mayRequireCpl0 forms that Linux lets user mode run (CR4.TSD clear, CPUID faulting off). */
const USER_SYSTEM_OK = new Set(['Rdtsc', 'Rdtscp', 'Cpuid']);

const MAP_NAMES = ['1-byte', '0F', '0F38', '0F3A'];
const OTHER_ENCODINGS = { EVEX: 'AVX-512', MVEX: 'Knights Corner', XOP: 'AMD XOP', D3NOW: 'AMD 3DNow!' };

/**
 * Every instruction form valid in 64-bit user mode, with its facts, plus the counts of forms
 * excluded and why. Cached: iced's tables do not change at run time.
 */
let formsCache;
export function userModeForms() {
  if (formsCache) return formsCache;
  const forms = [];
  const excluded = new Map();
  const skip = (why) => excluded.set(why, (excluded.get(why) ?? 0) + 1);
  for (const key of Object.keys(Code)) {
    if (!Number.isNaN(Number(key))) continue;
    const code = Code[key];
    const oi = CodeExt.opCode(code);
    try {
      if (!oi.isInstruction) continue;
      const enc = oi.encoding;
      if (!oi.mode64) { skip('not valid in 64-bit mode (16/32-bit only)'); continue; }
      if (enc !== EncodingKind.Legacy && enc !== EncodingKind.VEX) { skip(`${enumName(EncodingKind, enc)} encoding (${OTHER_ENCODINGS[enumName(EncodingKind, enc)] ?? 'other'}: not in the feature sets)`); continue; }
      if (oi.decoderOption !== 0) { skip('needs a non-default decoder option (obsolete or vendor-specific form)'); continue; }
      if (!oi.intelDecoder64 || !oi.amdDecoder64) { skip('decoded differently by Intel and AMD in 64-bit mode (66-prefixed branches, UD0 length)'); continue; }
      if (oi.fwait) { skip('FWAIT + a no-wait x87 form (two instructions, each counted on its own)'); continue; }
      if (oi.mustBeCpl0 || oi.isPrivileged) { skip('privileged (CPL 0 or IOPL)'); continue; }
      if (oi.isInputOutput) { skip('I/O port access'); continue; }
      const mn = enumName(Mnemonic, oi.mnemonic);
      const kinds = [];
      for (let n = 0; n < oi.opCount; n++) kinds.push(oi.opKind(n));
      if (FAR_MNEMONICS.has(mn) || kinds.includes(K.farbr2_2) || kinds.includes(K.farbr4_2) || /_m16(16|32|64)$/.test(key)) { skip('far transfer or far pointer'); continue; }
      if (oi.mayRequireCpl0 && !USER_SYSTEM_OK.has(mn)) { skip('system instruction blocked for user mode by Linux (UMIP, CR4.PCE, MONITOR/MWAIT, GETSEC)'); continue; }
      const ins = Instruction.create(code);
      const features = Array.from(ins.cpuidFeatures(), (f) => enumName(CpuidFeature, f));
      ins.free();
      const map = enc === EncodingKind.VEX ? `VEX.${MAP_NAMES[oi.table]}` : MAP_NAMES[oi.table];
      forms.push({
        code, name: key, mnemonic: mn, features, map, kinds,
        instr: oi.instructionString, opcode: oi.opCodeString,
        vex: enc === EncodingKind.VEX, table: oi.table, op: oi.opCode, opLen: oi.opCodeLength,
        mp: oi.mandatoryPrefix, osz: oi.operandSize, asz: oi.addressSize,
        group: oi.groupIndex, rmGroup: oi.rmGroupIndex, L: oi.L, W: oi.W,
      });
    } finally {
      oi.free();
    }
  }
  formsCache = { forms, excluded };
  return formsCache;
}

// ---- assembling one instance of a form --------------------------------------------------------

const RM_BOTH = new Set([K.r8_or_mem, K.r16_or_mem, K.r32_or_mem, K.r64_or_mem, K.mm_or_mem, K.xmm_or_mem, K.ymm_or_mem, K.k_or_mem, K.r32_or_mem_mpx, K.r64_or_mem_mpx, K.bnd_or_mem_mpx]);
const RM_MEM = new Set([K.mem, K.mem_mpx, K.mem_mib, K.sibmem, K.mem_vsib32x, K.mem_vsib64x, K.mem_vsib32y, K.mem_vsib64y]);
const RM_VSIB = new Set([K.mem_vsib32x, K.mem_vsib64x, K.mem_vsib32y, K.mem_vsib64y]);
const RM_REG = new Set([K.r16_rm, K.r32_rm, K.r64_rm, K.mm_rm, K.xmm_rm, K.ymm_rm, K.k_rm, K.tmm_rm]);
const REG_FIELD = new Set([K.r8_reg, K.r16_reg, K.r32_reg, K.r64_reg, K.r16_reg_mem, K.r32_reg_mem, K.r64_reg_mem, K.seg_reg, K.k_reg, K.kp1_reg, K.mm_reg, K.xmm_reg, K.ymm_reg, K.cr_reg, K.dr_reg, K.tr_reg, K.bnd_reg, K.tmm_reg]);
const OPCODE_REG = new Set([K.r8_opcode, K.r16_opcode, K.r32_opcode, K.r64_opcode, K.sti_opcode]);
const IS4 = new Set([K.xmm_is4, K.ymm_is4]);
const IMM_BYTES = new Map([
  [K.imm8, 1], [K.imm8sex16, 1], [K.imm8sex32, 1], [K.imm8sex64, 1], [K.imm16, 2], [K.imm32, 4], [K.imm32sex64, 4],
  [K.imm64, 8], [K.br16_1, 1], [K.br32_1, 1], [K.br64_1, 1], [K.br16_2, 2], [K.br32_4, 4], [K.br64_4, 4],
  [K.xbegin_2, 2], [K.xbegin_4, 4], [K.brdisp_2, 2], [K.brdisp_4, 4], [K.imm4_m2z, 1],
]);

// Register numbers used in instances: distinct, below 8 (no REX.R/B/X needed), not RSP/RBP.
const REG_R = 1, REG_M = 2, REG_V = 3, REG_IS4 = 6, REG_VSIB = 7;

/** Bytes of one instance of a form, for the register (mod = 3) or memory ([rax]) ModRM variant. */
function assemble(f, variant, rexW, vexW, regPick) {
  const k = f.kinds;
  const has = (set) => k.some((x) => set.has(x));
  const vvvv = k.some((x) => x === K.r32_vvvv || x === K.r64_vvvv || x === K.xmm_vvvv || x === K.ymm_vvvv || x === K.k_vvvv || x === K.tmm_vvvv);
  const opBytes = f.opLen === 2 ? [(f.op >> 8) & 0xff, f.op & 0xff] : [f.op & 0xff];
  if (has(OPCODE_REG)) opBytes[opBytes.length - 1] += REG_R;
  const needModrm = f.opLen === 1 && (f.group >= 0 || has(RM_BOTH) || has(RM_MEM) || has(RM_REG) || has(REG_FIELD));
  const out = [];
  if (f.vex) {
    const pp = [0, 0, 1, 2, 3][f.mp];
    out.push(0xc4, 0xe0 | f.table, (vexW << 7) | ((~(vvvv ? REG_V : 0) & 15) << 3) | (f.L << 2) | pp);
  } else {
    if (f.osz === 16 && f.mp !== 2) out.push(0x66);
    if (f.asz === 32) out.push(0x67);
    const mpByte = [0, 0, 0x66, 0xf3, 0xf2][f.mp];
    if (mpByte) out.push(mpByte);
    if (rexW) out.push(0x48);
    if (f.table >= 1) out.push(0x0f);
    if (f.table === 2) out.push(0x38);
    if (f.table === 3) out.push(0x3a);
  }
  out.push(...opBytes);
  if (needModrm) {
    const reg = f.group >= 0 ? f.group : regPick;
    if (variant === 'mem') {
      if (has(RM_VSIB)) out.push((reg << 3) | 4, (REG_VSIB << 3) | 0); // [rax + vreg*1]
      else out.push((reg << 3) | 0); // [rax]
    } else {
      out.push(0xc0 | (reg << 3) | (f.rmGroup >= 0 ? f.rmGroup : REG_M));
    }
  }
  for (const x of k) {
    if (x === K.mem_offs) out.push(...new Array(f.asz === 32 ? 4 : 8).fill(0));
    const n = IMM_BYTES.get(x);
    if (n !== undefined) out.push(...new Array(n).fill(0));
  }
  if (has(IS4)) out.push(REG_IS4 << 4);
  return out;
}

/** The ModRM variants a form has: register and memory, or only one of them. */
function variantsOf(f) {
  const k = f.kinds;
  if (f.opLen === 2) return ['reg'];
  if (k.some((x) => RM_BOTH.has(x))) return ['reg', 'mem'];
  if (k.some((x) => RM_MEM.has(x))) return ['mem'];
  return ['reg'];
}

/** iced's decoding of bytes: [code, length]. */
function icedDecode(bytes) {
  const d = new Decoder(64, Uint8Array.from(bytes), DecoderOptions.None);
  const ins = d.decode();
  const r = [ins.code, ins.length];
  ins.free();
  d.free();
  return r;
}

/**
 * One instance per ModRM variant of a form, each checked with iced's decoder (same Code, same
 * length). Returns { variants: [{variant, bytes}], error } — error when no encoding could be built.
 */
export function instancesOf(f) {
  const variants = [];
  for (const v of variantsOf(f)) {
    let ok = null;
    const tries = f.vex ? [[0, f.W], [0, f.W ^ 1]] : [[0, 0], [1, 0]];
    // ModRM.reg: REG_R, or DS for segment-register operands (CS cannot be loaded); other values
    // only where iced gives the first one another meaning (0F 18 /1 is PREFETCHT0, not a hint NOP).
    const regs = f.kinds.includes(K.seg_reg) ? [3] : [REG_R, 4, 5, 6, 7, 2, 3, 0];
    search: for (const reg of regs) {
      for (const [rexW, vexW] of tries) {
        const bytes = assemble(f, v, rexW, vexW, reg);
        const [code, len] = icedDecode(bytes);
        if (code === f.code && len === bytes.length) { ok = bytes; break search; }
      }
    }
    if (ok !== null) variants.push({ variant: v, bytes: ok });
  }
  // A variant iced always decodes as another Code (0F 0D /r with a memory operand is PREFETCH*)
  // belongs to that Code; only a form with no instance at all is a tool error.
  if (variants.length === 0) return { variants, error: `cannot assemble an instance of ${f.name} (${f.opcode})` };
  return { variants, error: null };
}

// ---- checking our implementation --------------------------------------------------------------

const CODE = 0x400000;
const DATA = 0x600000;
const DATA_LEN = 0x10000;

/**
 * A prober over our CPU: decodes bytes with `decode` and executes the result once from a fixed
 * state (every GPR pointing into mapped data, RCX = 0). deps: { decode, AddressSpace, PhysMem,
 * Cpu, CPU_TRAP, GuestFault, STOP_ILLEGAL }.
 */
export function makeProber(deps) {
  const phys = new deps.PhysMem(8 * 1024 * 1024);
  const mem = new deps.AddressSpace(phys);
  mem.map(CODE, 0x2000, 1 | 4);
  mem.map(DATA, DATA_LEN, 1 | 2);
  const pad = new Uint8Array(32);
  return (bytes) => {
    pad.fill(0);
    pad.set(bytes);
    mem.pokeBytes(CODE, pad);
    let insn;
    try {
      insn = deps.decode(mem, CODE);
    } catch (e) {
      return { status: 'crash', detail: `decode threw ${e instanceof Error ? e.stack?.split('\n').slice(0, 2).join(' ') : String(e)}` };
    }
    if (insn.name === '(bad)') return { status: 'bad', detail: '(bad)' };
    if (insn.len !== bytes.length) return { status: 'len', detail: `decodes as ${insn.name} of ${insn.len} bytes (expected ${bytes.length})` };
    const c = new deps.Cpu(mem);
    for (let n = 0; n < 16; n++) { c.r[2 * n] = DATA + 0x800; c.r[2 * n + 1] = 0; }
    c.r[2] = 0; // RCX: no REP iterations, XGETBV index 0
    c.rip = CODE;
    try {
      insn.fn(c, insn);
    } catch (e) {
      if (e === deps.CPU_TRAP) {
        if (c.stop === deps.STOP_ILLEGAL) return { status: 'ud', detail: `decodes as ${insn.name} but raises #UD`, name: insn.name };
      } else if (!(e instanceof deps.GuestFault)) {
        return { status: 'crash', detail: `${insn.name}: ${e instanceof Error ? e.message : String(e)}`, name: insn.name };
      }
    }
    return { status: 'ok', name: insn.name };
  };
}

/** Whether our row name fits iced's mnemonic (our names are lower-case SDM mnemonics or families). */
const NAME_ALIASES = {
  x87: /^f/, fwait: /^(fwait|wait)$/, cbw: /^(cbw|cwde|cdqe)$/, cwd: /^(cwd|cdq|cqo)$/, xchg: /^(xchg|nop|pause)$/,
  nop: /^(nop|reservednop|prefetch|cldemote|endbr|rdssp|rdsspd|rdsspq)/, prefetch: /^prefetch/,
  jrcxz: /^(jrcxz|jecxz)$/, movd: /^(movd|movq)$/, pextrd: /^(pextrd|pextrq)$/, pinsrd: /^(pinsrd|pinsrq)$/,
  cmpxchg8b: /^(cmpxchg8b|cmpxchg16b)$/, fxsave: /^fxsave(64)?$/, fxrstor: /^fxrstor(64)?$/, sal: /^(sal|shl)$/, shl: /^(sal|shl)$/, movsd: /^movsd$/, cmpsd: /^cmpsd$/,
};
export function nameFits(ours, mnemonic) {
  const m = mnemonic.toLowerCase();
  const o = ours.toLowerCase();
  if (o === m) return true;
  const alias = NAME_ALIASES[o];
  if (alias !== undefined) return alias.test(m);
  // String-op families (movs → movsb/w/d/q), pushf/popf (→ pushfq), VEX forms named without 'v'.
  if (['movs', 'cmps', 'stos', 'lods', 'scas', 'pushf', 'popf', 'ret', 'enter', 'leave', 'push', 'pop', 'call', 'jmp', 'iret'].includes(o)) return m.startsWith(o);
  return m === 'v' + o;
}

/**
 * The coverage of a feature set. opts: { advertised: boolean } — the advertised set (from
 * deps.cpuidLeaf) or the x86-64-v3 target. Result: { set, advertised, rows, excluded, toolErrors }.
 */
export function computeCoverage(deps, opts = {}) {
  const adv = advertisedFeatures(deps.cpuidLeaf);
  const set = opts.advertised ? adv : new Set(X86_64_V3);
  const probe = makeProber(deps);
  const { forms, excluded } = userModeForms();
  const rows = [];
  const toolErrors = [];
  for (const f of forms) {
    if (f.features.length === 0 || !f.features.every((x) => set.has(x))) continue;
    const inst = instancesOf(f);
    if (inst.error) { toolErrors.push(inst.error); continue; }
    let status = 'ok';
    const details = [];
    let hex = '';
    for (const { variant, bytes } of inst.variants) {
      const p = probe(bytes);
      let st = p.status;
      let detail = p.detail;
      if (st === 'ok' && !nameFits(p.name, f.mnemonic)) {
        st = 'name';
        detail = `decodes as '${p.name}'`;
      }
      if ((st === 'ud' || st === 'bad') && /^Ud[012]$/.test(f.mnemonic)) {
        // #UD is what UD0/UD1/UD2 are for; '(bad)' raises the same SIGILL at the same address.
        detail = st === 'ud' ? 'raises #UD (as defined)' : '(bad): raises #UD at the same address (as defined)';
        st = 'name';
      }
      if (st !== 'ok') {
        if (status === 'ok' || status === 'name') status = st;
        details.push(inst.variants.length > 1 ? `${variant}: ${detail}` : detail);
        if (!hex) hex = Buffer.from(bytes).toString('hex');
      }
    }
    const unadvertised = f.features.filter((x) => !adv.has(x));
    rows.push({
      code: f.name, instr: f.instr, opcode: f.opcode, map: f.map, feature: f.features.join('+'),
      implemented: status === 'ok' || status === 'name',
      status, detail: details.join('; '), bytes: hex,
      reason: status === 'ok' || status === 'name' ? '' : unadvertised.length ? `feature not advertised (${unadvertised.join(', ')})` : 'MISSING',
    });
  }
  return { set: [...set].sort(), advertisedSet: [...adv].sort(), advertisedMode: !!opts.advertised, rows, excluded, toolErrors };
}

/** Rows of an advertised feature that we lack (the bugs). */
export function missingRows(result) {
  return result.rows.filter((r) => r.reason === 'MISSING');
}

// ---- rendering --------------------------------------------------------------------------------

function tally(rows, key) {
  const m = new Map();
  for (const r of rows) {
    const k = key(r);
    const t = m.get(k) ?? { impl: 0, total: 0, missing: 0 };
    t.total++;
    if (r.implemented) t.impl++;
    else if (r.reason === 'MISSING') t.missing++;
    m.set(k, t);
  }
  return m;
}

const MAP_ORDER = ['1-byte', '0F', '0F38', '0F3A', 'VEX.0F', 'VEX.0F38', 'VEX.0F3A'];
const pct = (t) => (t.total ? ((100 * t.impl) / t.total).toFixed(1) : '0.0');

/** The report as Markdown (docs/isa_coverage.md). */
export function renderMarkdown(res) {
  const L = [];
  const mode = res.advertisedMode ? 'the features src/cpu/cpuid.ts advertises' : 'the x86-64-v3 target of issue 3';
  L.push('# ISA coverage: instruction forms implemented by the Exo decoder');
  L.push('');
  L.push('<!-- GENERATED by tools/isa_coverage.mjs: do not edit. Regenerate with `npm run coverage:isa`');
  L.push('     (x86-64-v3 target) or `npm run coverage:isa -- --advertised` (advertised features only). -->');
  L.push('');
  L.push(`Forms: every iced-x86 \`Code\` valid in 64-bit user mode whose CPUID features are all in ${mode}.`);
  L.push('Each form is assembled (register and memory ModRM variants), checked with iced\'s decoder, decoded');
  L.push('by `src/cpu/decode/decoder.ts` and executed once. Implemented = same length, not `(bad)`, and no');
  L.push('#UD when executed (UD0/UD1/UD2 excepted); forms our table names differently from iced are listed below');
  L.push('and counted as implemented. Reason `MISSING` = the feature is advertised by CPUID but the form is absent (a bug);');
  L.push('`feature not advertised` = expected until the feature is completed and advertised.');
  L.push('');
  L.push(`Advertised features: ${res.advertisedSet.filter((f) => !ARCH_BASE.includes(f)).join(', ')}.`);
  L.push('');
  const all = tally(res.rows, () => 'all').get('all') ?? { impl: 0, total: 0, missing: 0 };
  L.push(`**Total: ${all.impl}/${all.total} forms implemented (${pct(all)}%), ${all.missing} MISSING.**`);
  L.push('');
  L.push('## Per opcode map');
  L.push('');
  L.push('| map | implemented | total | % | MISSING |');
  L.push('|---|---:|---:|---:|---:|');
  const byMap = tally(res.rows, (r) => r.map);
  for (const m of MAP_ORDER) {
    const t = byMap.get(m);
    if (t) L.push(`| ${m} | ${t.impl} | ${t.total} | ${pct(t)} | ${t.missing} |`);
  }
  L.push('');
  L.push('## Per CPUID feature');
  L.push('');
  L.push('| feature | advertised | implemented | total | % | MISSING |');
  L.push('|---|---|---:|---:|---:|---:|');
  const byFeat = tally(res.rows, (r) => r.feature);
  const adv = new Set(res.advertisedSet);
  for (const [f, t] of [...byFeat].sort((a, b) => a[0].localeCompare(b[0]))) {
    const isAdv = f.split('+').every((x) => adv.has(x));
    L.push(`| ${f} | ${isAdv ? 'yes' : 'no'} | ${t.impl} | ${t.total} | ${pct(t)} | ${t.missing} |`);
  }
  L.push('');
  L.push('## Missing forms, by feature');
  L.push('');
  const missing = res.rows.filter((r) => !r.implemented);
  const byF = new Map();
  for (const r of missing) byF.set(r.feature, [...(byF.get(r.feature) ?? []), r]);
  for (const [f, rs] of [...byF].sort((a, b) => a[0].localeCompare(b[0]))) {
    L.push(`### ${f} (${rs.length} missing)`);
    L.push('');
    L.push('| form | opcode | reason | our decoder | bytes |');
    L.push('|---|---|---|---|---|');
    for (const r of rs) L.push(`| \`${r.instr}\` | \`${r.opcode}\` | ${r.reason} | ${r.detail} | \`${r.bytes}\` |`);
    L.push('');
  }
  const named = res.rows.filter((r) => r.status === 'name');
  if (named.length) {
    L.push('## Implemented forms with a note (another row name, or #UD as the form defines)');
    L.push('');
    L.push('| form | opcode | our decoder | bytes |');
    L.push('|---|---|---|---|');
    for (const r of named) L.push(`| \`${r.instr}\` | \`${r.opcode}\` | ${r.detail} | \`${r.bytes}\` |`);
    L.push('');
  }
  L.push('## Forms excluded from the count');
  L.push('');
  L.push('| reason | forms |');
  L.push('|---|---:|');
  for (const [why, n] of [...res.excluded].sort((a, b) => b[1] - a[1])) L.push(`| ${why} | ${n} |`);
  L.push('');
  L.push(`Forms outside the feature set are not listed. Feature set: ${res.set.join(', ')}.`);
  if (res.toolErrors.length) {
    L.push('');
    L.push('## Tool errors (forms the tool could not assemble)');
    L.push('');
    for (const e of res.toolErrors) L.push(`- ${e}`);
  }
  L.push('');
  return L.join('\n');
}

/** A terminal summary. */
export function renderText(res, quiet = false) {
  const L = [];
  const all = tally(res.rows, () => 'all').get('all') ?? { impl: 0, total: 0, missing: 0 };
  L.push(`ISA coverage (${res.advertisedMode ? 'advertised features' : 'x86-64-v3 target'}): ${all.impl}/${all.total} forms implemented, ${all.missing} MISSING`);
  L.push('');
  L.push('map         impl/total  MISSING');
  const byMap = tally(res.rows, (r) => r.map);
  for (const m of MAP_ORDER) {
    const t = byMap.get(m);
    if (t) L.push(`${m.padEnd(10)} ${String(t.impl).padStart(5)}/${String(t.total).padEnd(5)} ${String(t.missing).padStart(7)}`);
  }
  L.push('');
  L.push('feature                 impl/total  MISSING');
  for (const [f, t] of [...tally(res.rows, (r) => r.feature)].sort((a, b) => a[0].localeCompare(b[0]))) {
    L.push(`${f.padEnd(22)} ${String(t.impl).padStart(5)}/${String(t.total).padEnd(5)} ${String(t.missing).padStart(7)}`);
  }
  if (!quiet) {
    const miss = missingRows(res);
    if (miss.length) {
      L.push('');
      L.push(`MISSING forms of advertised features (${miss.length}):`);
      for (const r of miss) L.push(`  ${r.feature.padEnd(12)} ${r.instr.padEnd(44)} ${r.opcode.padEnd(28)} ${r.detail}  [${r.bytes}]`);
    }
  }
  for (const e of res.toolErrors) L.push(`tool error: ${e}`);
  return L.join('\n');
}

// ---- CLI --------------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
  const [{ decode }, { AddressSpace, PhysMem, GuestFault }, { Cpu, STOP_ILLEGAL }, { CPU_TRAP }, { cpuidLeaf }] = await Promise.all([
    import(dist('cpu/decode/decoder.js')), import(dist('cpu/memory.js')), import(dist('cpu/state.js')),
    import(dist('cpu/ops/traps.js')), import(dist('cpu/cpuid.js')),
  ]);
  const deps = { decode, AddressSpace, PhysMem, GuestFault, Cpu, STOP_ILLEGAL, CPU_TRAP, cpuidLeaf };
  const res = computeCoverage(deps, { advertised: args.includes('--advertised') });
  console.log(renderText(res, args.includes('--quiet')));
  if (!args.includes('--no-write')) {
    const out = join(root, 'docs/isa_coverage.md');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, renderMarkdown(res));
    console.log(`\nwrote ${out}`);
  }
  const miss = missingRows(res).length;
  if (miss > 0 || res.toolErrors.length > 0) {
    console.error(`\n${miss} form(s) of advertised features MISSING${res.toolErrors.length ? `, ${res.toolErrors.length} tool error(s)` : ''}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 2;
  });
}
