// CPUID (Intel SDM Vol. 2A "CPUID"): advertises exactly the features this CPU implements, so
// that guest code (musl, gcc's ifunc-free static code, hand-written dispatch) never selects
// an unimplemented path. Feature bits are set here as their instruction groups are completed.
/** CPUID.1:EDX: FPU TSC CX8 CMOV MMX FXSR SSE SSE2 (the x86-64 baseline musl and gcc assume). */
export const CPUID1_EDX = (1 << 0) | (1 << 4) | (1 << 8) | (1 << 15) | (1 << 23) | (1 << 24) | (1 << 25) | (1 << 26);
/**
 * CPUID.1:ECX: SSE3 (0), PCLMULQDQ (1), SSSE3 (9), FMA (12), CX16 (13), SSE4.1 (19), SSE4.2 (20),
 * MOVBE (22), POPCNT (23), AES (25), XSAVE (26), OSXSAVE (27), AVX (28), F16C (29), RDRAND (30):
 * the x86-64-v3 set. Every form of each is implemented (test/cpu/isa_coverage).
 */
export const CPUID1_ECX = (1 << 0) | (1 << 1) | (1 << 9) | (1 << 12) | (1 << 13) | (1 << 19) | (1 << 20) | (1 << 22)
  | (1 << 23) | (1 << 25) | (1 << 26) | (1 << 27) | (1 << 28) | (1 << 29) | (1 << 30);
/** CPUID.7.0:EBX: BMI1 (3), AVX2 (5), BMI2 (8), RDSEED (18), ADX (19). */
export const CPUID7_EBX = (1 << 3) | (1 << 5) | (1 << 8) | (1 << 18) | (1 << 19);
/** CPUID.80000001:ECX: LAHF/SAHF (0), LZCNT/ABM (5). EDX: SYSCALL (11), NX (20), RDTSCP (27), LM (29). */
export const CPUIDX1_ECX = (1 << 0) | (1 << 5);
export const CPUIDX1_EDX = (1 << 11) | (1 << 20) | (1 << 27) | (1 << 29);
/** AT_HWCAP: Linux puts CPUID.1:EDX there on x86. */
export const HWCAP = CPUID1_EDX;

const VENDOR = 'ExoExoExoExo';
const BRAND = 'Exo x86-64 interpreter';

function str4(s: string, k: number): number {
  let v = 0;
  for (let j = 0; j < 4; j++) v |= (s.charCodeAt(k + j) || 0) << (8 * j);
  return v;
}

/** Fills out[0..3] = EAX, EBX, ECX, EDX for a leaf/subleaf. */
export function cpuidLeaf(leaf: number, sub: number, out: Int32Array): void {
  out.fill(0);
  switch (leaf) {
    case 0:
      out[0] = 0xd;
      out[1] = str4(VENDOR, 0); out[3] = str4(VENDOR, 4); out[2] = str4(VENDOR, 8);
      return;
    case 1:
      out[0] = 0x000306c3; // family 6 model 60 stepping 3: a plain x86-64 part
      out[1] = (1 << 16) | (8 << 8); // 1 logical processor, CLFLUSH line 8*8 = 64 bytes
      out[2] = CPUID1_ECX;
      out[3] = CPUID1_EDX;
      return;
    case 7:
      if (sub === 0) out[1] = CPUID7_EBX;
      return;
    case 0xd:
      // XSAVE state components (SDM Vol. 1 §13.2): x87 | SSE | AVX, standard format, 832 bytes.
      if (sub === 0) { out[0] = 7; out[1] = 832; out[2] = 832; }
      else if (sub === 1) { out[0] = 3; out[1] = 832; } // XSAVEOPT, XSAVEC
      else if (sub === 2) { out[0] = 256; out[1] = 576; } // AVX: YMM_Hi128 at offset 576
      return;
    case 0x80000000: out[0] = 0x80000004; return;
    case 0x80000001: out[2] = CPUIDX1_ECX; out[3] = CPUIDX1_EDX; return;
    case 0x80000002: case 0x80000003: case 0x80000004: {
      const k = (leaf - 0x80000002) * 16;
      const b = BRAND.padEnd(48, '\0');
      out[0] = str4(b, k); out[1] = str4(b, k + 4); out[2] = str4(b, k + 8); out[3] = str4(b, k + 12);
      return;
    }
  }
}
