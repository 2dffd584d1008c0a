/* MMX, SSSE3-on-MMX, SSE/SSE2 MMX-operand forms, SSE4.2 (CRC32, PCMPxSTRx), AES-NI, PCLMULQDQ and
 * ADX test-vector generator (Intel SDM Vol. 1 ch. 9 "Programming with Intel MMX technology" and
 * §9.5 x87/MMX state sharing; Vol. 2 instruction pages; Vol. 2B §4.1 PCMPxSTRx imm8 control).
 * Each entry is a short instruction sequence run on the host CPU from a fixed initial state; the
 * recorded instruction bytes are replayed by test/cpu/ext.test.ts through our decoder.
 *
 * Build and run:  gcc -O1 -o /tmp/extv tools/gen/ext_vectors.c && /tmp/extv > test/vectors/ext.json
 * (an optional argument seeds the PRNG: other seeds give stress sets for EXT_VECTORS=...).
 * The host needs SSE4.2, AES, PCLMULQDQ, ADX and AVX (for the VEX.128 AES/PCLMULQDQ entries).
 *
 * Initial state (prologue): FNINIT; for MMX entries (k = 1) mm0 = P, mm1 = Q and mm2..mm7 = 0
 * loaded with MMX instructions (so TOP = 0, every tag valid, every exponent field 0xFFFF);
 * xmm1 = V, xmm2 = W, xmm0 = Z, rax = A, rcx = C, rdx = D, rbx = B, MXCSR = X (default 0x1F80),
 * RFLAGS = F (status bits only; default 0), rdi = a zeroed 1 KiB buffer (64-byte aligned) whose
 * bytes 0-15 are M and 16-31 are N. Fields not listed in "in" are zero.
 * Outputs (epilogue, in this order): RFLAGS, FNSTENV (E = status word with TOP, tag word as
 * FNSTENV reconstructs it from the register contents), MXCSR, then the registers.
 * Field encodings, concatenated in the order of the entry's "in"/"out" strings: P Q A C D B =
 * 64-bit values as 16 hex digits (most significant first); V W Z M N = 16 bytes in memory order
 * (32 hex digits); K = buffer bytes 96-223 (the eight x87/MMX slots of an FXSAVE image at rdi+64;
 * 256 hex digits); F = RFLAGS & 0x8D5 on output (4); X = MXCSR (4); E = status word, tag word (8). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

typedef struct __attribute__((aligned(64))) {
  u64 mm0, mm1;    /* 0, 8 */
  u8 x1[16];       /* 16 */
  u8 x2[16];       /* 32 */
  u8 x0[16];       /* 48 */
  u64 rax, rcx, rdx, rbx; /* 64 72 80 88 */
  u64 fl;          /* 96 */
  u32 mx;          /* 104 */
  u32 pad0;        /* 108 */
  u64 omm0, omm1;  /* 112 120 */
  u8 ox1[16];      /* 128 */
  u8 ox2[16];      /* 144 */
  u8 ox0[16];      /* 160 */
  u64 orax, orcx, ordx, orbx; /* 176 184 192 200 */
  u64 ofl;         /* 208 */
  u32 omx;         /* 216 */
  u32 pad1;        /* 220 */
  u8 env[32];      /* 224: FNSTENV image (28 bytes) */
  u64 start;       /* 256 */
  u64 end;         /* 264 */
  u8 pad2[48];     /* 272 */
  u8 mem[1024];    /* 320: rdi */
} ctx_t;

_Static_assert(__builtin_offsetof(ctx_t, mem) == 320, "layout");

#define PRO_COMMON                                                                              \
  "fninit\n\t"                                                                                  \
  "movdqu 16(%%rsi),%%xmm1\n\tmovdqu 32(%%rsi),%%xmm2\n\tmovdqu 48(%%rsi),%%xmm0\n\t"           \
  "mov 64(%%rsi),%%rax\n\tmov 72(%%rsi),%%rcx\n\tmov 80(%%rsi),%%rdx\n\tmov 88(%%rsi),%%rbx\n\t" \
  "ldmxcsr 104(%%rsi)\n\tlea 320(%%rsi),%%rdi\n\t"
#define PRO_MMX                                                                                 \
  "movq 0(%%rsi),%%mm0\n\tmovq 8(%%rsi),%%mm1\n\tpxor %%mm2,%%mm2\n\tpxor %%mm3,%%mm3\n\t"        \
  "pxor %%mm4,%%mm4\n\tpxor %%mm5,%%mm5\n\tpxor %%mm6,%%mm6\n\tpxor %%mm7,%%mm7\n\t"
#define PRO_FL "pushq 96(%%rsi)\n\tpopfq\n1:\n\t"
#define PRO_1 PRO_COMMON PRO_MMX PRO_FL
#define PRO_0 PRO_COMMON PRO_FL
#define EPI                                                                                     \
  "\n2:\n\tpushfq\n\tpopq 208(%%rsi)\n\tfnstenv 224(%%rsi)\n\tstmxcsr 216(%%rsi)\n\t"            \
  "movq %%mm0,112(%%rsi)\n\tmovq %%mm1,120(%%rsi)\n\t"                                          \
  "movdqu %%xmm1,128(%%rsi)\n\tmovdqu %%xmm2,144(%%rsi)\n\tmovdqu %%xmm0,160(%%rsi)\n\t"        \
  "mov %%rax,176(%%rsi)\n\tmov %%rcx,184(%%rsi)\n\tmov %%rdx,192(%%rsi)\n\tmov %%rbx,200(%%rsi)\n\t" \
  "lea 1b(%%rip),%%rax\n\tmov %%rax,256(%%rsi)\n\tlea 2b(%%rip),%%rax\n\tmov %%rax,264(%%rsi)\n\t" \
  "emms\n\tfninit\n\t"
#define CLOB                                                                                    \
  "rax", "rcx", "rdx", "rbx", "rdi", "memory", "cc", "xmm0", "xmm1", "xmm2", "mm0", "mm1", "mm2", \
      "mm3", "mm4", "mm5", "mm6", "mm7", "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)",       \
      "st(6)", "st(7)"

/* Input generators. */
enum {
  G_MM, G_SHIFT, G_MOVIN, G_CVTI, G_CVTF, G_CVTD, G_STR, G_CRC, G_AES, G_CLMUL, G_ADX, G_X87, G_MASK
};

/* Binary MMX ops: register and memory source. */
#define MMX2(op)                                                                                \
  E(op, 1, #op " %%mm1,%%mm0", "PQ", "PE", G_MM, 0)                                             \
  E(op##_m, 1, #op " (%%rdi),%%mm0", "PM", "PE", G_MM, 0)
#define MMXR(op) E(op, 1, #op " %%mm1,%%mm0", "PQ", "PE", G_MM, 0)
#define SHIFTI(op, n) E(op##_i##n, 1, #op " $" #n ",%%mm0", "P", "PE", G_MM, 0)
#define SHIFT(op)                                                                               \
  E(op, 1, #op " %%mm1,%%mm0", "PQ", "PE", G_SHIFT, 0)                                          \
  E(op##_m, 1, #op " (%%rdi),%%mm0", "PM", "PE", G_SHIFT, 0)
#define PSHUFW(n) E(pshufw_##n, 1, "pshufw $" #n ",%%mm1,%%mm0", "PQ", "PE", G_MM, 0)
#define PALIGNR(n) E(palignr_##n, 1, "palignr $" #n ",%%mm1,%%mm0", "PQ", "PE", G_MM, 0)

/* PCMPxSTRx with every imm8[6:0] (imm8[7] is reserved: a few values with it set are added). */
#define STR4(p)                                                                                 \
  E(pcmpistri_##p, 0, "pcmpistri $" #p ",%%xmm2,%%xmm1", "VW", "CF", G_STR, p)                 \
  E(pcmpistrm_##p, 0, "pcmpistrm $" #p ",%%xmm2,%%xmm1", "VWZ", "ZF", G_STR, p)                \
  E(pcmpestri_##p, 0, "pcmpestri $" #p ",%%xmm2,%%xmm1", "VWAD", "CF", G_STR, p)               \
  E(pcmpestrm_##p, 0, "pcmpestrm $" #p ",%%xmm2,%%xmm1", "VWZAD", "ZF", G_STR, p)
#define STR16(h)                                                                                \
  STR4(h##0) STR4(h##1) STR4(h##2) STR4(h##3) STR4(h##4) STR4(h##5) STR4(h##6) STR4(h##7)         \
  STR4(h##8) STR4(h##9) STR4(h##a) STR4(h##b) STR4(h##c) STR4(h##d) STR4(h##e) STR4(h##f)

#define AESKG(n) E(aeskeygenassist_##n, 0, "aeskeygenassist $" #n ",%%xmm2,%%xmm1", "VW", "V", G_AES, 0)
#define CLMUL(n) E(pclmulqdq_##n, 0, "pclmulqdq $" #n ",%%xmm2,%%xmm1", "VW", "V", G_CLMUL, 0)

/* E(id, mmx prologue, asm, in, out, generator, imm) */
#define LIST                                                                                    \
  /* ---- MMX: moves ---- */                                                                  \
  E(movd_mm_r32, 1, "movd %%eax,%%mm0", "PA", "PE", G_MOVIN, 0)                                 \
  E(movq_mm_r64, 1, "movq %%rax,%%mm0", "PA", "PE", G_MOVIN, 0)                                 \
  E(movd_mm_m32, 1, "movd (%%rdi),%%mm0", "PM", "PE", G_MOVIN, 0)                               \
  E(movq_mm_m64_6e, 1, ".byte 0x48,0x0f,0x6e,0x07", "PM", "PE", G_MOVIN, 0)                    \
  E(movd_r32_mm, 1, "movd %%mm0,%%eax", "PA", "AE", G_MOVIN, 0)                                 \
  E(movq_r64_mm, 1, "movq %%mm0,%%rax", "PA", "AE", G_MOVIN, 0)                                 \
  E(movd_m32_mm, 1, "movd %%mm0,(%%rdi)", "PM", "ME", G_MOVIN, 0)                               \
  E(movq_m64_mm_7e, 1, ".byte 0x48,0x0f,0x7e,0x07", "PM", "ME", G_MOVIN, 0)                    \
  E(movq_mm_mm, 1, "movq %%mm1,%%mm0", "PQ", "PE", G_MM, 0)                                     \
  E(movq_mm_mm_7f, 1, ".byte 0x0f,0x7f,0xc8", "PQ", "PQE", G_MM, 0)                             \
  E(movq_mm_m64, 1, "movq (%%rdi),%%mm0", "PM", "PE", G_MM, 0)                                  \
  E(movq_m64_mm, 1, "movq %%mm0,(%%rdi)", "PM", "ME", G_MM, 0)                                  \
  E(movntq, 1, "movntq %%mm0,(%%rdi)", "PM", "ME", G_MM, 0)                                     \
  E(maskmovq, 1, "maskmovq %%mm1,%%mm0", "PQMN", "MNE", G_MASK, 0)                              \
  E(emms, 1, "emms", "PQ", "PQE", G_MM, 0)                                                      \
  /* ---- MMX: packed arithmetic, logic, compares, packs and unpacks ---- */                    \
  MMX2(paddb) MMX2(paddw) MMX2(paddd) MMX2(paddq) MMX2(psubb) MMX2(psubw) MMX2(psubd)           \
  MMX2(psubq) MMX2(paddsb) MMX2(paddsw) MMX2(paddusb) MMX2(paddusw) MMX2(psubsb) MMX2(psubsw)   \
  MMX2(psubusb) MMX2(psubusw) MMX2(pmullw) MMX2(pmulhw) MMX2(pmulhuw) MMX2(pmuludq)              \
  MMX2(pmaddwd) MMX2(pand) MMX2(pandn) MMX2(por) MMX2(pxor) MMX2(pcmpeqb) MMX2(pcmpeqw)          \
  MMX2(pcmpeqd) MMX2(pcmpgtb) MMX2(pcmpgtw) MMX2(pcmpgtd) MMX2(packsswb) MMX2(packssdw)         \
  MMX2(packuswb) MMX2(punpcklbw) MMX2(punpcklwd) MMX2(punpckldq) MMX2(punpckhbw)                \
  MMX2(punpckhwd) MMX2(punpckhdq) MMX2(pminub) MMX2(pmaxub) MMX2(pminsw) MMX2(pmaxsw)           \
  MMX2(pavgb) MMX2(pavgw) MMX2(psadbw)                                                          \
  E(punpcklbw_m32, 1, "punpcklbw (%%rdi),%%mm0", "PM", "PE", G_MM, 0)                           \
  /* ---- MMX: shifts ---- */                                                                  \
  SHIFT(psllw) SHIFT(pslld) SHIFT(psllq) SHIFT(psrlw) SHIFT(psrld) SHIFT(psrlq) SHIFT(psraw)    \
  SHIFT(psrad)                                                                                  \
  SHIFTI(psllw, 0) SHIFTI(psllw, 1) SHIFTI(psllw, 7) SHIFTI(psllw, 15) SHIFTI(psllw, 16)        \
  SHIFTI(psllw, 255) SHIFTI(psrlw, 0) SHIFTI(psrlw, 3) SHIFTI(psrlw, 15) SHIFTI(psrlw, 16)      \
  SHIFTI(psraw, 0) SHIFTI(psraw, 5) SHIFTI(psraw, 15) SHIFTI(psraw, 16) SHIFTI(psraw, 200)      \
  SHIFTI(pslld, 1) SHIFTI(pslld, 31) SHIFTI(pslld, 32) SHIFTI(psrld, 4) SHIFTI(psrld, 31)       \
  SHIFTI(psrld, 32) SHIFTI(psrad, 9) SHIFTI(psrad, 31) SHIFTI(psrad, 32) SHIFTI(psrad, 128)     \
  SHIFTI(psllq, 1) SHIFTI(psllq, 31) SHIFTI(psllq, 32) SHIFTI(psllq, 63) SHIFTI(psllq, 64)      \
  SHIFTI(psrlq, 0) SHIFTI(psrlq, 17) SHIFTI(psrlq, 32) SHIFTI(psrlq, 63) SHIFTI(psrlq, 64)      \
  /* ---- SSE forms with MMX operands ---- */                                                  \
  PSHUFW(0x00) PSHUFW(0x1b) PSHUFW(0xe4) PSHUFW(0x4e) PSHUFW(0xb1) PSHUFW(0x72) PSHUFW(0xff)    \
  E(pshufw_m, 1, "pshufw $0x93,(%%rdi),%%mm0", "PM", "PE", G_MM, 0)                             \
  E(pinsrw_0, 1, "pinsrw $0,%%eax,%%mm0", "PA", "PE", G_MM, 0)                                  \
  E(pinsrw_3, 1, "pinsrw $3,%%eax,%%mm0", "PA", "PE", G_MM, 0)                                  \
  E(pinsrw_6, 1, "pinsrw $6,%%eax,%%mm0", "PA", "PE", G_MM, 0)                                  \
  E(pinsrw_q, 1, ".byte 0x48,0x0f,0xc4,0xc0,0x02", "PA", "PE", G_MM, 0)                         \
  E(pinsrw_m, 1, "pinsrw $1,(%%rdi),%%mm0", "PM", "PE", G_MM, 0)                                \
  E(pextrw_0, 1, "pextrw $0,%%mm0,%%eax", "PA", "AE", G_MM, 0)                                  \
  E(pextrw_2, 1, "pextrw $2,%%mm0,%%eax", "PA", "AE", G_MM, 0)                                  \
  E(pextrw_7, 1, "pextrw $7,%%mm0,%%eax", "PA", "AE", G_MM, 0)                                  \
  E(pextrw_q, 1, ".byte 0x48,0x0f,0xc5,0xc0,0x01", "PA", "AE", G_MM, 0)                         \
  E(pmovmskb, 1, "pmovmskb %%mm0,%%eax", "PA", "AE", G_MM, 0)                                   \
  E(pmovmskb_q, 1, ".byte 0x48,0x0f,0xd7,0xc1", "QA", "AE", G_MM, 0)                            \
  E(movq2dq, 1, "movq2dq %%mm1,%%xmm1", "QV", "VE", G_MM, 0)                                    \
  E(movdq2q, 1, "movdq2q %%xmm2,%%mm0", "PW", "PE", G_MM, 0)                                    \
  E(cvtpi2ps, 1, "cvtpi2ps %%mm1,%%xmm1", "VQX", "VXE", G_CVTI, 0)                              \
  E(cvtpi2ps_m, 1, "cvtpi2ps (%%rdi),%%xmm1", "VMX", "VXE", G_CVTI, 0)                          \
  E(cvtpi2pd, 1, "cvtpi2pd %%mm1,%%xmm1", "VQX", "VXE", G_CVTI, 0)                              \
  E(cvtpi2pd_m, 1, "cvtpi2pd (%%rdi),%%xmm1", "VMX", "VXE", G_CVTI, 0)                          \
  E(cvtps2pi, 1, "cvtps2pi %%xmm2,%%mm0", "PWX", "PXE", G_CVTF, 0)                              \
  E(cvtps2pi_m, 1, "cvtps2pi (%%rdi),%%mm0", "PMX", "PXE", G_CVTF, 0)                           \
  E(cvttps2pi, 1, "cvttps2pi %%xmm2,%%mm0", "PWX", "PXE", G_CVTF, 0)                            \
  E(cvttps2pi_m, 1, "cvttps2pi (%%rdi),%%mm0", "PMX", "PXE", G_CVTF, 0)                         \
  E(cvtpd2pi, 1, "cvtpd2pi %%xmm2,%%mm0", "PWX", "PXE", G_CVTD, 0)                              \
  E(cvtpd2pi_m, 1, "cvtpd2pi (%%rdi),%%mm0", "PMX", "PXE", G_CVTD, 0)                           \
  E(cvttpd2pi, 1, "cvttpd2pi %%xmm2,%%mm0", "PWX", "PXE", G_CVTD, 0)                            \
  E(cvttpd2pi_m, 1, "cvttpd2pi (%%rdi),%%mm0", "PMX", "PXE", G_CVTD, 0)                         \
  /* memory-source CVTPI2Px cause no x87-to-MMX transition (SDM "CVTPI2PS"): after EMMS */       \
  E(cvtpi2ps_m_emms, 1, "emms\n\tcvtpi2ps (%%rdi),%%xmm1", "VMX", "VXE", G_CVTI, 0)              \
  E(cvtpi2pd_m_emms, 1, "emms\n\tcvtpi2pd (%%rdi),%%xmm1", "VMX", "VXE", G_CVTI, 0)              \
  E(cvtpi2ps_emms, 1, "emms\n\tcvtpi2ps %%mm1,%%xmm1", "VQX", "VXE", G_CVTI, 0)                  \
  /* ---- SSSE3 with MMX operands ---- */                                                      \
  MMX2(pshufb) MMX2(phaddw) MMX2(phaddd) MMX2(phaddsw) MMX2(phsubw) MMX2(phsubd) MMX2(phsubsw)  \
  MMX2(pmaddubsw) MMX2(pmulhrsw) MMX2(psignb) MMX2(psignw) MMX2(psignd) MMX2(pabsb)            \
  MMX2(pabsw) MMX2(pabsd)                                                                       \
  PALIGNR(0) PALIGNR(1) PALIGNR(3) PALIGNR(7) PALIGNR(8) PALIGNR(9) PALIGNR(13) PALIGNR(15)     \
  PALIGNR(16) PALIGNR(17) PALIGNR(255)                                                          \
  E(palignr_m, 1, "palignr $5,(%%rdi),%%mm0", "PM", "PE", G_MM, 0)                              \
  /* ---- x87 / MMX aliasing (SDM Vol. 1 §9.5) ---- */                                          \
  E(x87_fld_after_emms, 1, "emms\n\tfld1\n\tmovq %%rax,%%mm3", "A", "E", G_X87, 0)              \
  E(x87_fstpt_mm0, 1, "movq %%rax,%%mm0\n\tfstpt (%%rdi)", "A", "ME", G_X87, 0)                 \
  E(x87_fstpt_st2, 1, "movq %%rax,%%mm2\n\tfxch %%st(2)\n\tfstpt (%%rdi)", "A", "ME", G_X87, 0)  \
  E(x87_fldz_full, 1, "fldz\n\tfstpt (%%rdi)", "PQ", "ME", G_X87, 0)                            \
  E(x87_fldl_mm7, 1, "emms\n\tfldl (%%rdi)\n\tmovq %%mm7,%%rax", "M", "AE", G_X87, 0)           \
  E(x87_fadd_mm, 1, "movq %%rax,%%mm2\n\tfninit\n\tfld1\n\tfld1\n\tmovq %%mm2,%%mm7\n\t"          \
    "fninit\n\tfld1\n\tfadd %%st(1),%%st\n\tfstpt (%%rdi)", "A", "ME", G_X87, 0)               \
  E(x87_fxsave, 1, "movq %%rax,%%mm2\n\tpaddb %%mm1,%%mm0\n\tfxsave 64(%%rdi)", "PQA", "KE", G_X87, 0) \
  E(x87_fxsave_stack, 1, "emms\n\tfld1\n\tfldpi\n\tfxsave 64(%%rdi)\n\tmovq %%mm6,%%rax\n\tmovq %%mm7,%%rcx", \
    "", "KACE", G_X87, 0)                                                                        \
  E(x87_fxrstor, 1, "fxsave 64(%%rdi)\n\temms\n\tfld1\n\tfxrstor 64(%%rdi)\n\tmovq %%mm1,%%rax", \
    "PQ", "AE", G_X87, 0)                                                                        \
  /* ---- SSE4.2: CRC32 ---- */                                                                 \
  E(crc32b, 0, "crc32b %%al,%%ecx", "AC", "CF", G_CRC, 0)                                       \
  E(crc32b_ah, 0, "crc32b %%ah,%%ecx", "AC", "CF", G_CRC, 0)                                    \
  E(crc32b_q, 0, "crc32b %%bl,%%rcx", "BC", "CF", G_CRC, 0)                                     \
  E(crc32w, 0, "crc32w %%ax,%%ecx", "AC", "CF", G_CRC, 0)                                       \
  E(crc32l, 0, "crc32l %%eax,%%ecx", "AC", "CF", G_CRC, 0)                                      \
  E(crc32q, 0, "crc32q %%rax,%%rcx", "AC", "CF", G_CRC, 0)                                      \
  E(crc32b_m, 0, "crc32b (%%rdi),%%ecx", "MC", "CF", G_CRC, 0)                                  \
  E(crc32w_m, 0, "crc32w 3(%%rdi),%%ecx", "MC", "CF", G_CRC, 0)                                 \
  E(crc32l_m, 0, "crc32l 4(%%rdi),%%ecx", "MC", "CF", G_CRC, 0)                                 \
  E(crc32q_m, 0, "crc32q 1(%%rdi),%%rcx", "MC", "CF", G_CRC, 0)                                 \
  E(crc32_data, 0, "crc32q (%%rdi),%%rcx\n\tcrc32q 8(%%rdi),%%rcx\n\tcrc32l 16(%%rdi),%%ecx\n\t"  \
    "crc32w 20(%%rdi),%%ecx\n\tcrc32b 22(%%rdi),%%ecx", "MNC", "C", G_CRC, 0)                   \
  /* ---- SSE4.2: PCMPxSTRx ---- */                                                             \
  STR16(0x0) STR16(0x1) STR16(0x2) STR16(0x3) STR16(0x4) STR16(0x5) STR16(0x6) STR16(0x7)       \
  STR4(0x80) STR4(0xc5) STR4(0xfe)                                                              \
  E(pcmpestri_q_0c, 0, "pcmpestriq $0x0c,%%xmm2,%%xmm1", "VWAD", "CF", G_STR, 0x0c)             \
  E(pcmpestri_q_41, 0, "pcmpestriq $0x41,%%xmm2,%%xmm1", "VWAD", "CF", G_STR, 0x41)             \
  E(pcmpestrm_q_3a, 0, "pcmpestrmq $0x3a,%%xmm2,%%xmm1", "VWZAD", "ZF", G_STR, 0x3a)            \
  E(pcmpistri_m_0c, 0, "pcmpistri $0x0c,(%%rdi),%%xmm1", "VM", "CF", G_STR, 0x0c)               \
  E(pcmpistrm_m_44, 0, "pcmpistrm $0x44,3(%%rdi),%%xmm1", "VM", "ZF", G_STR, 0x44)              \
  E(pcmpestri_m_1a, 0, "pcmpestri $0x1a,(%%rdi),%%xmm1", "VMAD", "CF", G_STR, 0x1a)             \
  /* ---- AES-NI ---- */                                                                       \
  E(aesenc, 0, "aesenc %%xmm2,%%xmm1", "VW", "V", G_AES, 0)                                     \
  E(aesenclast, 0, "aesenclast %%xmm2,%%xmm1", "VW", "V", G_AES, 0)                             \
  E(aesdec, 0, "aesdec %%xmm2,%%xmm1", "VW", "V", G_AES, 0)                                     \
  E(aesdeclast, 0, "aesdeclast %%xmm2,%%xmm1", "VW", "V", G_AES, 0)                             \
  E(aesimc, 0, "aesimc %%xmm2,%%xmm1", "VW", "V", G_AES, 0)                                     \
  E(aesenc_m, 0, "aesenc (%%rdi),%%xmm1", "VM", "V", G_AES, 0)                                  \
  E(aesdeclast_m, 0, "aesdeclast (%%rdi),%%xmm1", "VM", "V", G_AES, 0)                          \
  E(aesimc_m, 0, "aesimc (%%rdi),%%xmm1", "VM", "V", G_AES, 0)                                  \
  E(aes_same, 0, "aesenc %%xmm1,%%xmm1", "V", "V", G_AES, 0)                                    \
  AESKG(0x00) AESKG(0x01) AESKG(0x02) AESKG(0x1b) AESKG(0x36) AESKG(0x80) AESKG(0xff)           \
  E(aeskeygenassist_m, 0, "aeskeygenassist $0x40,(%%rdi),%%xmm1", "VM", "V", G_AES, 0)          \
  E(aes128_rounds, 0, "aesenc %%xmm2,%%xmm1\n\taesenc %%xmm0,%%xmm1\n\taesenc %%xmm2,%%xmm1\n\t"   \
    "aesenclast %%xmm0,%%xmm1\n\taesdec %%xmm2,%%xmm1\n\taesdeclast %%xmm0,%%xmm1", "VWZ", "V", G_AES, 0) \
  /* VEX.128 forms (state in VEX.vvvv, unaligned m128 allowed) */                              \
  E(vaesenc, 0, "vaesenc %%xmm0,%%xmm2,%%xmm1", "VWZ", "V", G_AES, 0)                          \
  E(vaesenclast, 0, "vaesenclast %%xmm0,%%xmm2,%%xmm1", "VWZ", "V", G_AES, 0)                  \
  E(vaesdec, 0, "vaesdec %%xmm0,%%xmm2,%%xmm1", "VWZ", "V", G_AES, 0)                          \
  E(vaesdeclast, 0, "vaesdeclast %%xmm0,%%xmm2,%%xmm1", "VWZ", "V", G_AES, 0)                  \
  E(vaesenc_mu, 0, "vaesenc 4(%%rdi),%%xmm2,%%xmm1", "VWMN", "V", G_AES, 0)                    \
  E(vaesimc, 0, "vaesimc %%xmm2,%%xmm1", "VW", "V", G_AES, 0)                                  \
  E(vaeskeygenassist, 0, "vaeskeygenassist $0x1b,%%xmm2,%%xmm1", "VW", "V", G_AES, 0)          \
  /* ---- PCLMULQDQ ---- */                                                                     \
  CLMUL(0x00) CLMUL(0x01) CLMUL(0x10) CLMUL(0x11) CLMUL(0xee) CLMUL(0x13)                       \
  E(pclmulqdq_m, 0, "pclmulqdq $0x10,(%%rdi),%%xmm1", "VM", "V", G_CLMUL, 0)                    \
  E(pclmulqdq_same, 0, "pclmulqdq $0x01,%%xmm1,%%xmm1", "V", "V", G_CLMUL, 0)                   \
  E(vpclmulqdq_11, 0, "vpclmulqdq $0x11,%%xmm0,%%xmm2,%%xmm1", "VWZ", "V", G_CLMUL, 0)          \
  E(vpclmulqdq_01_mu, 0, "vpclmulqdq $0x01,4(%%rdi),%%xmm2,%%xmm1", "VWMN", "V", G_CLMUL, 0)   \
  /* ---- ADX ---- */                                                                          \
  E(adcx32, 0, "adcx %%eax,%%ecx", "ACF", "CF", G_ADX, 0)                                       \
  E(adcx64, 0, "adcx %%rax,%%rcx", "ACF", "CF", G_ADX, 0)                                       \
  E(adox32, 0, "adox %%eax,%%ecx", "ACF", "CF", G_ADX, 0)                                       \
  E(adox64, 0, "adox %%rax,%%rcx", "ACF", "CF", G_ADX, 0)                                       \
  E(adcx64_m, 0, "adcx (%%rdi),%%rcx", "MCF", "CF", G_ADX, 0)                                   \
  E(adox32_m, 0, "adox 4(%%rdi),%%ecx", "MCF", "CF", G_ADX, 0)                                  \
  E(adx_chain, 0, "adcx %%rax,%%rcx\n\tadox %%rbx,%%rdx\n\tadcx %%rbx,%%rcx\n\tadox %%rax,%%rdx", \
    "ABCDF", "CDF", G_ADX, 0)

#define E(id, k, text, in, out, gen, imm)                                                       \
  static void run_##id(ctx_t *c) { __asm__ volatile(PRO_##k text EPI : : "S"(c) : CLOB); }
LIST
#undef E

typedef struct {
  const char *id;
  int k;
  void (*run)(ctx_t *);
  const char *in, *out;
  int gen;
  int imm;
} entry_t;

#define E(id, k, text, in, out, gen, imm) {#id, k, run_##id, in, out, gen, imm},
static const entry_t entries[] = {LIST};
#undef E

/* ---- random inputs ---------------------------------------------------------------------------- */

static u64 rs = 0x9e3779b97f4a7c15ull;
static u64 rnd(void) {
  rs ^= rs >> 12;
  rs ^= rs << 25;
  rs ^= rs >> 27;
  return rs * 2685821657736338717ull;
}
static u32 rn(u32 n) { return (u32)(rnd() % n); }

static const u8 B_SPECIAL[] = {0x00, 0x01, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x40, 0x3f, 0xc0};
static const u16 W_SPECIAL[] = {0x0000, 0x0001, 0x7fff, 0x8000, 0x8001, 0xfffe, 0xffff, 0x00ff, 0xff00, 0x4000};
static const u32 D_SPECIAL[] = {0, 1, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0xfffffffe, 0x10000, 0xffff};

/* A 64-bit value with lane-boundary bias. */
static u64 mmval(int vi) {
  u64 v = 0;
  switch (vi < 8 ? vi : (int)rn(8)) {
    case 0: return rnd();
    case 1: for (int k = 0; k < 8; k++) v |= (u64)B_SPECIAL[rn(sizeof B_SPECIAL)] << (8 * k); return v;
    case 2: for (int k = 0; k < 4; k++) v |= (u64)W_SPECIAL[rn(10)] << (16 * k); return v;
    case 3: for (int k = 0; k < 2; k++) v |= (u64)D_SPECIAL[rn(9)] << (32 * k); return v;
    case 4: v = rnd() & 0x0f0f0f0f0f0f0f0full; return v; /* small bytes (PSHUFB indices, ...) */
    case 5: return rn(2) ? 0 : ~0ull;
    case 6: v = rnd(); return v & 0x8080808080808080ull ? v ^ 0x8080808080808080ull : v;
    default: return rnd() >> rn(64);
  }
}

static void put16(u8 *p, u64 lo, u64 hi) { memcpy(p, &lo, 8); memcpy(p + 8, &hi, 8); }

static float f32special(void) {
  static const float S[] = {0.0f, -0.0f, 0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 2147483520.0f, 2147483648.0f, -2147483648.0f,
                            -2147483904.0f, 1e10f, -1e10f, 3.4e38f, 1e-40f, 0.49999997f, 1.0f, -1.0f, 123456.7f};
  u32 b;
  float f;
  switch (rn(5)) {
    case 0: return S[rn(sizeof S / sizeof S[0])];
    case 1: b = 0x7f800000u | (rn(2) << 31); if (rn(2)) b |= 1 + rn(0x7fffff); memcpy(&f, &b, 4); return f;
    case 2: return (float)((double)(int32_t)rnd() / (1 << rn(16)));
    case 3: return (float)((double)(int64_t)rnd() / 1e9);
    default: return (float)((int32_t)rn(200) - 100) + 0.25f * (float)rn(4);
  }
}

static double f64special(void) {
  static const double S[] = {0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 2147483647.0, 2147483647.4, 2147483647.5,
                             2147483648.0, -2147483648.0, -2147483648.5, -2147483649.0, 1e300, 4.9e-324, 1.0, -1.0};
  u64 b;
  double d;
  switch (rn(5)) {
    case 0: return S[rn(sizeof S / sizeof S[0])];
    case 1: b = 0x7ff0000000000000ull | ((u64)rn(2) << 63); if (rn(2)) b |= 1 + (rnd() >> 13); memcpy(&d, &b, 8); return d;
    case 2: return (double)(int32_t)rnd() / (1 << rn(16)) + (double)rn(2);
    case 3: return (double)(int64_t)rnd() / 1e9;
    default: return (double)((int32_t)rn(200) - 100) + 0.25 * rn(4);
  }
}

static u32 mxcsr(void) {
  static const u32 RC[] = {0x0000, 0x2000, 0x4000, 0x6000};
  u32 m = 0x1f80 | RC[rn(4)];
  if (rn(4) == 0) m |= 0x20; /* PE already set */
  if (rn(8) == 0) m |= 0x40; /* DAZ */
  return m;
}

/* PCMPxSTRx operands: small alphabets so that matches, ranges and substrings occur. */
static void strop(u8 *v, int imm, int first) {
  int words = imm & 1, sgn = imm & 2, agg = (imm >> 2) & 3;
  int n = words ? 8 : 16;
  static const u16 ALPHA_W[] = {0x61, 0x62, 0x63, 0x8000, 0xffff, 0x7fff, 0x0100, 0x6100};
  static const u8 ALPHA_B[] = {'a', 'b', 'c', 'd', 0x80, 0xff, 0x7f, 0xe1};
  int alpha = 3 + rn(sgn ? 6 : 3);
  for (int k = 0; k < n; k++) {
    u32 x;
    if (rn(10) == 0) x = (u32)rnd();
    else x = words ? ALPHA_W[rn(alpha)] : ALPHA_B[rn(alpha)];
    if (agg == 1 && first) {
      /* ranges: [lo, hi] pairs, usually ordered */
      if (k & 1) x = words ? (u16)(((u16 *)v)[k - 1] + rn(3)) : (u8)(v[k - 1] + rn(3));
    }
    if (words) ((u16 *)v)[k] = (u16)x; else v[k] = (u8)x;
  }
  /* implicit terminator at a random place (or none) */
  int t = rn(n + 4);
  if (t < n) { if (words) ((u16 *)v)[t] = 0; else v[t] = 0; }
  if (rn(8) == 0) { if (words) ((u16 *)v)[0] = 0; else v[0] = 0; }
}

static u64 strlen64(void) {
  static const u64 S[] = {0x8000000000000000ull, 0x7fffffffffffffffull, 0xffffffffffffffffull, 0x100000005ull,
                          0xfffffffe00000003ull, 0xffffffff80000000ull, 0x80000000ull, 0xfffffff0ull, 17, 16, 8, 9};
  if (rn(6) == 0) return S[rn(sizeof S / sizeof S[0])];
  return (u64)(int64_t)((int)rn(41) - 20);
}

static void gen(const entry_t *e, ctx_t *c, int vi) {
  memset(c, 0, sizeof *c);
  c->mx = 0x1f80;
  c->fl = 0x2;
  u8 *m = c->mem;
  switch (e->gen) {
    case G_MM: case G_MASK:
      c->mm0 = mmval(vi); c->mm1 = mmval(vi + 3);
      c->rax = mmval(vi);
      put16(m, mmval(vi + 1), mmval(vi + 2));
      put16(m + 16, rnd(), rnd());
      put16(c->x2, mmval(vi + 5), rnd());
      if (e->gen == G_MASK) c->mm1 = (rnd() & 0x8080808080808080ull) ^ (rnd() & 0x7f7f7f7f7f7f7f7full);
      break;
    case G_SHIFT: {
      c->mm0 = mmval(vi);
      static const u64 CNT[] = {0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, 0x100000000ull, 0x8000000000000000ull};
      u64 n = vi < 16 ? CNT[vi] : rn(3) ? rn(70) : rnd();
      c->mm1 = n;
      put16(m, n, rnd());
      break;
    }
    case G_MOVIN:
      c->mm0 = mmval(vi); c->rax = mmval(vi + 1);
      put16(m, mmval(vi + 2), rnd());
      break;
    case G_CVTI: {
      u64 a = mmval(vi), b = mmval(vi + 1);
      c->mm1 = a; put16(m, b, rnd());
      put16(c->x1, rnd(), rnd());
      c->mx = mxcsr();
      break;
    }
    case G_CVTF: {
      float f[4];
      for (int k = 0; k < 4; k++) f[k] = f32special();
      memcpy(c->x2, f, 16); memcpy(m, f + 2, 8);
      c->mm0 = rnd();
      c->mx = mxcsr();
      break;
    }
    case G_CVTD: {
      double d[4];
      for (int k = 0; k < 4; k++) d[k] = f64special();
      memcpy(c->x2, d, 16); memcpy(m, d + 2, 16);
      c->mm0 = rnd();
      c->mx = mxcsr();
      break;
    }
    case G_STR:
      strop(c->x1, e->imm, 1);
      strop(c->x2, e->imm, 0);
      if (rn(4) == 0) memcpy(c->x2, c->x1, 16); /* equal strings */
      if (rn(6) == 0) memcpy(c->x2 + 2 + rn(6), c->x1, 4); /* needle inside */
      memcpy(m, c->x2, 16);
      if (strchr(e->in, 'M') && rn(2) == 0) memcpy(m + 3, c->x2, 16);
      put16(c->x0, rnd(), rnd());
      c->rax = strlen64(); c->rdx = strlen64();
      c->rcx = rnd();
      break;
    case G_CRC:
      c->rax = rnd(); c->rbx = rnd();
      c->rcx = vi == 0 ? 0 : vi == 1 ? 0xffffffffull : rn(4) == 0 ? rnd() : rnd() & 0xffffffff;
      put16(m, rnd(), rnd()); put16(m + 16, rnd(), rnd());
      c->fl = rnd() & 0x8d5;
      break;
    case G_AES: case G_CLMUL:
      put16(c->x1, vi == 0 ? 0 : rnd(), vi == 0 ? 0 : rnd());
      put16(c->x2, vi == 1 ? ~0ull : rnd(), vi == 1 ? ~0ull : rnd());
      put16(c->x0, rnd(), rnd());
      put16(m, rnd(), rnd());
      put16(m + 16, rnd(), rnd());
      if (e->gen == G_CLMUL && vi < 4) put16(c->x2, 1ull << rn(64), 1ull << rn(64));
      break;
    case G_ADX: {
      static const u64 S[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull};
      c->rax = rn(2) ? S[rn(8)] : rnd(); c->rcx = rn(2) ? S[rn(8)] : rnd();
      c->rbx = rnd(); c->rdx = rn(2) ? S[rn(8)] : rnd();
      put16(m, rn(2) ? S[rn(8)] : rnd(), rnd());
      c->fl = rnd() & 0x8d5;
      break;
    }
    case G_X87: {
      c->rax = mmval(vi); c->mm0 = mmval(vi + 1); c->mm1 = mmval(vi + 2);
      double d = f64special();
      memcpy(m, &d, 8);
      if (vi < 3) c->rax = vi == 0 ? 0x8000000000000000ull : vi == 1 ? 0xc000000000000000ull : 0;
      break;
    }
  }
}

/* Zeroes every input the entry does not list, so that the replay can start from zeros too. */
static void mask_inputs(const entry_t *e, ctx_t *c) {
  const char *in = e->in;
  if (!strchr(in, 'P')) c->mm0 = 0;
  if (!strchr(in, 'Q')) c->mm1 = 0;
  if (!strchr(in, 'V')) memset(c->x1, 0, 16);
  if (!strchr(in, 'W')) memset(c->x2, 0, 16);
  if (!strchr(in, 'Z')) memset(c->x0, 0, 16);
  if (!strchr(in, 'A')) c->rax = 0;
  if (!strchr(in, 'C')) c->rcx = 0;
  if (!strchr(in, 'D')) c->rdx = 0;
  if (!strchr(in, 'B')) c->rbx = 0;
  if (!strchr(in, 'M')) memset(c->mem, 0, 16);
  if (!strchr(in, 'N')) memset(c->mem + 16, 0, 16);
  memset(c->mem + 32, 0, sizeof c->mem - 32);
  if (!strchr(in, 'F')) c->fl = 0x2;
  c->fl = (c->fl & 0x8d5) | 0x2;
  if (!strchr(in, 'X')) c->mx = 0x1f80;
}

/* ---- output --------------------------------------------------------------------------------- */

static void hexmem(const u8 *p, int n) { for (int k = 0; k < n; k++) printf("%02x", p[k]); }
static void hex64(u64 v) { printf("%016llx", (unsigned long long)v); }

static void field(char f, const ctx_t *c, int out) {
  switch (f) {
    case 'P': hex64(out ? c->omm0 : c->mm0); break;
    case 'Q': hex64(out ? c->omm1 : c->mm1); break;
    case 'V': hexmem(out ? c->ox1 : c->x1, 16); break;
    case 'W': hexmem(out ? c->ox2 : c->x2, 16); break;
    case 'Z': hexmem(out ? c->ox0 : c->x0, 16); break;
    case 'A': hex64(out ? c->orax : c->rax); break;
    case 'C': hex64(out ? c->orcx : c->rcx); break;
    case 'D': hex64(out ? c->ordx : c->rdx); break;
    case 'B': hex64(out ? c->orbx : c->rbx); break;
    case 'M': hexmem(c->mem, 16); break;
    case 'N': hexmem(c->mem + 16, 16); break;
    case 'K': hexmem(c->mem + 96, 128); break;
    case 'F': printf("%04x", (unsigned)((out ? c->ofl : c->fl) & 0x8d5)); break;
    case 'X': printf("%04x", (unsigned)((out ? c->omx : c->mx) & 0xffff)); break;
    case 'E': printf("%04x%04x", c->env[4] | c->env[5] << 8, c->env[8] | c->env[9] << 8); break;
  }
}

static int count_for(const entry_t *e) {
  switch (e->gen) {
    case G_STR: return 12;
    case G_CRC: return 40;
    case G_AES: case G_CLMUL: return 40;
    case G_ADX: return 60;
    case G_X87: return 12;
    case G_SHIFT: return 40;
    case G_CVTI: case G_CVTF: case G_CVTD: return 60;
    default: return 32;
  }
}

int main(int argc, char **argv) {
  if (argc > 1) rs = strtoull(argv[1], 0, 0) | 1;
  static ctx_t c, in;
  int n = sizeof entries / sizeof entries[0];
  long total = 0;
  printf("{\"entries\":[\n");
  for (int k = 0; k < n; k++) {
    const entry_t *e = &entries[k];
    int cnt = count_for(e);
    gen(e, &c, 0);
    mask_inputs(e, &c);
    e->run(&c);
    printf("%s{\"id\":\"%s\",\"k\":%d,\"in\":\"%s\",\"out\":\"%s\",\"bytes\":\"", k ? ",\n" : "", e->id, e->k, e->in, e->out);
    hexmem((const u8 *)(uintptr_t)c.start, (int)(c.end - c.start));
    printf("\",\"v\":[");
    for (int v = 0; v < cnt; v++) {
      gen(e, &c, v);
      mask_inputs(e, &c);
      in = c;
      e->run(&c);
      printf("%s\"", v ? "," : "");
      for (const char *f = e->in; *f; f++) field(*f, &in, 0);
      printf("|");
      for (const char *f = e->out; *f; f++) field(*f, &c, 1);
      printf("\"");
      total++;
    }
    printf("]}");
  }
  printf("\n],\"total\":%ld}\n", total);
  return 0;
}
