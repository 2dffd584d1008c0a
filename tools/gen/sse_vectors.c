/* SSE/SSE2/SSE3/SSSE3/SSE4.1/SSE4.2 test-vector generator (Intel SDM Vol. 1 ch. 10-12, Vol. 2):
 * runs each instruction on the host CPU with chosen inputs and MXCSR values and prints, as JSON,
 * the destination register, GPR results, memory operand, MXCSR (exception flags) and RFLAGS after
 * it, plus the instruction's encoding (the test decodes it). Inputs: the cross product of boundary
 * values (0, -0, ±1, min/max normal, denormals, ±Inf, quiet and signalling NaNs with payloads,
 * rounding ties, integer limits...) under varied MXCSR, then random values by category.
 * Build and run:  gcc -O1 -mno-red-zone -o /tmp/ssev tools/gen/sse_vectors.c
 *                 /tmp/ssev > test/vectors/sse.json
 * Register roles: xmm2 = destination (Vx), xmm1 = source (Wx/Ux), xmm0 = implicit mask (BLENDV),
 * rax = GPR operand, 48(%rdi) = memory operand. Vector fields are hex, concatenated in the order
 * of the entry's "in"/"out" strings: d s z m = 16 bytes each in memory order (32 hex digits);
 * S = xmm1 after, Z = xmm0 after; g = rax, c = rcx, e = rdx (16 hex digits each, big-endian);
 * x = MXCSR (4 hex digits); f = RFLAGS & 0x8d5 (4). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef uint64_t u64;

typedef struct __attribute__((aligned(16))) {
  u8 d[16];   /* 0 */
  u8 s[16];   /* 16 */
  u8 z[16];   /* 32 */
  u8 m[16];   /* 48: memory operand */
  u64 g;      /* 64 */
  u64 fl;     /* 72 */
  u32 mx;     /* 80 */
  u32 mxo;    /* 84 */
  u64 flo;    /* 88 */
  u8 od[16];  /* 96 */
  u64 og;     /* 112 */
  u64 start;  /* 120: address of the instruction under test */
  u8 os[16];  /* 128 */
  u64 end;    /* 144: address after it */
  u64 pad2;   /* 152 */
  u64 rcx;    /* 160 */
  u64 rdx;    /* 168 */
  u64 orcx;   /* 176 */
  u64 pad3;   /* 184 */
  u8 oz[16];  /* 192: xmm0 after */
} ctx_t;

#define PRO                                                                                     \
  "movdqu 0(%%rdi),%%xmm2\n\tmovdqu 16(%%rdi),%%xmm1\n\tmovdqu 32(%%rdi),%%xmm0\n\t"            \
  "mov 64(%%rdi),%%rax\n\tmov 160(%%rdi),%%rcx\n\tmov 168(%%rdi),%%rdx\n\t"                          \
  "ldmxcsr 80(%%rdi)\n\tpushq 72(%%rdi)\n\tpopfq\n1:\n\t"
#define EPI                                                                                     \
  "\n2:\n\tpushfq\n\tpopq 88(%%rdi)\n\tstmxcsr 84(%%rdi)\n\tmovdqu %%xmm2,96(%%rdi)\n\t"            \
  "mov %%rax,112(%%rdi)\n\tmovdqu %%xmm1,128(%%rdi)\n\tmov %%rcx,176(%%rdi)\n\t"             \
  "movdqu %%xmm0,192(%%rdi)\n\t"                                                              \
  "lea 1b(%%rip),%%rcx\n\tmov %%rcx,120(%%rdi)\n\tlea 2b(%%rip),%%rcx\n\tmov %%rcx,144(%%rdi)\n\t"

/* Generators: how inputs are chosen. */
enum {
  G_F32P, G_F32S, G_F32U, G_F32R, G_F64P, G_F64S, G_F64U, G_F64R, G_RND32, G_RND64,
  G_CVT32, G_CVT64, G_I8, G_I16, G_I32, G_I64, G_BITS, G_SHIFT, G_GI32, G_GI64, G_MASK,
  G_LDMX, G_STMX, G_F64TO32, G_STR, G_CRC
};

/* E(id, handler key, REX.W, asm, in, out, generator, imm, memory source) */
#define LIST                                                                                          \
  /* ---- float arithmetic ---- */                                                                   \
  E(addps, addps, 0, "addps %%xmm1,%%xmm2", "dsx", "dx", G_F32P, 0, 0)                                \
  E(subps, subps, 0, "subps %%xmm1,%%xmm2", "dsx", "dx", G_F32P, 0, 0)                                \
  E(mulps, mulps, 0, "mulps %%xmm1,%%xmm2", "dsx", "dx", G_F32P, 0, 0)                                \
  E(divps, divps, 0, "divps %%xmm1,%%xmm2", "dsx", "dx", G_F32P, 0, 0)                                \
  E(minps, minps, 0, "minps %%xmm1,%%xmm2", "dsx", "dx", G_F32P, 0, 0)                                \
  E(maxps, maxps, 0, "maxps %%xmm1,%%xmm2", "dsx", "dx", G_F32P, 0, 0)                                \
  E(addpd, addpd, 0, "addpd %%xmm1,%%xmm2", "dsx", "dx", G_F64P, 0, 0)                                \
  E(subpd, subpd, 0, "subpd %%xmm1,%%xmm2", "dsx", "dx", G_F64P, 0, 0)                                \
  E(mulpd, mulpd, 0, "mulpd %%xmm1,%%xmm2", "dsx", "dx", G_F64P, 0, 0)                                \
  E(divpd, divpd, 0, "divpd %%xmm1,%%xmm2", "dsx", "dx", G_F64P, 0, 0)                                \
  E(minpd, minpd, 0, "minpd %%xmm1,%%xmm2", "dsx", "dx", G_F64P, 0, 0)                                \
  E(maxpd, maxpd, 0, "maxpd %%xmm1,%%xmm2", "dsx", "dx", G_F64P, 0, 0)                                \
  E(addss, addss, 0, "addss %%xmm1,%%xmm2", "dsx", "dx", G_F32S, 0, 0)                                \
  E(subss, subss, 0, "subss %%xmm1,%%xmm2", "dsx", "dx", G_F32S, 0, 0)                                \
  E(mulss, mulss, 0, "mulss %%xmm1,%%xmm2", "dsx", "dx", G_F32S, 0, 0)                                \
  E(divss, divss, 0, "divss %%xmm1,%%xmm2", "dsx", "dx", G_F32S, 0, 0)                                \
  E(minss, minss, 0, "minss %%xmm1,%%xmm2", "dsx", "dx", G_F32S, 0, 0)                                \
  E(maxss, maxss, 0, "maxss %%xmm1,%%xmm2", "dsx", "dx", G_F32S, 0, 0)                                \
  E(addsd, addsd, 0, "addsd %%xmm1,%%xmm2", "dsx", "dx", G_F64S, 0, 0)                                \
  E(subsd, subsd, 0, "subsd %%xmm1,%%xmm2", "dsx", "dx", G_F64S, 0, 0)                                \
  E(mulsd, mulsd, 0, "mulsd %%xmm1,%%xmm2", "dsx", "dx", G_F64S, 0, 0)                                \
  E(divsd, divsd, 0, "divsd %%xmm1,%%xmm2", "dsx", "dx", G_F64S, 0, 0)                                \
  E(minsd, minsd, 0, "minsd %%xmm1,%%xmm2", "dsx", "dx", G_F64S, 0, 0)                                \
  E(maxsd, maxsd, 0, "maxsd %%xmm1,%%xmm2", "dsx", "dx", G_F64S, 0, 0)                                \
  E(addps_m, addps, 0, "addps 48(%%rdi),%%xmm2", "dsx", "dx", G_F32S, 0, 1)                           \
  E(addss_m, addss, 0, "addss 48(%%rdi),%%xmm2", "dsx", "dx", G_F32S, 0, 1)                           \
  E(mulsd_m, mulsd, 0, "mulsd 48(%%rdi),%%xmm2", "dsx", "dx", G_F64S, 0, 1)                           \
  E(divpd_m, divpd, 0, "divpd 48(%%rdi),%%xmm2", "dsx", "dx", G_F64S, 0, 1)                           \
  E(sqrtps, sqrtps, 0, "sqrtps %%xmm1,%%xmm2", "dsx", "dx", G_F32U, 0, 0)                             \
  E(sqrtss, sqrtss, 0, "sqrtss %%xmm1,%%xmm2", "dsx", "dx", G_F32U, 0, 0)                             \
  E(sqrtpd, sqrtpd, 0, "sqrtpd %%xmm1,%%xmm2", "dsx", "dx", G_F64U, 0, 0)                             \
  E(sqrtsd, sqrtsd, 0, "sqrtsd %%xmm1,%%xmm2", "dsx", "dx", G_F64U, 0, 0)                             \
  E(sqrtsd_m, sqrtsd, 0, "sqrtsd 48(%%rdi),%%xmm2", "dsx", "dx", G_F64U, 0, 1)                        \
  E(rcpps, rcpps, 0, "rcpps %%xmm1,%%xmm2", "dsx", "dx", G_F32U, 0, 0)                                \
  E(rcpss, rcpss, 0, "rcpss %%xmm1,%%xmm2", "dsx", "dx", G_F32U, 0, 0)                                \
  E(rsqrtps, rsqrtps, 0, "rsqrtps %%xmm1,%%xmm2", "dsx", "dx", G_F32U, 0, 0)                          \
  E(rsqrtss, rsqrtss, 0, "rsqrtss %%xmm1,%%xmm2", "dsx", "dx", G_F32U, 0, 0)                          \
  E(addsubps, addsubps, 0, "addsubps %%xmm1,%%xmm2", "dsx", "dx", G_F32R, 0, 0)                       \
  E(addsubpd, addsubpd, 0, "addsubpd %%xmm1,%%xmm2", "dsx", "dx", G_F64R, 0, 0)                       \
  E(haddps, haddps, 0, "haddps %%xmm1,%%xmm2", "dsx", "dx", G_F32R, 0, 0)                             \
  E(hsubps, hsubps, 0, "hsubps %%xmm1,%%xmm2", "dsx", "dx", G_F32R, 0, 0)                             \
  E(haddpd, haddpd, 0, "haddpd %%xmm1,%%xmm2", "dsx", "dx", G_F64R, 0, 0)                             \
  E(hsubpd, hsubpd, 0, "hsubpd %%xmm1,%%xmm2", "dsx", "dx", G_F64R, 0, 0)                             \
  E(dpps_ff, dpps, 0, "dpps $0xff,%%xmm1,%%xmm2", "dsx", "dx", G_F32R, 0xff, 0)                       \
  E(dpps_7d, dpps, 0, "dpps $0x7d,%%xmm1,%%xmm2", "dsx", "dx", G_F32R, 0x7d, 0)                       \
  E(dpps_32, dpps, 0, "dpps $0x32,%%xmm1,%%xmm2", "dsx", "dx", G_F32R, 0x32, 0)                       \
  E(dppd_33, dppd, 0, "dppd $0x33,%%xmm1,%%xmm2", "dsx", "dx", G_F64R, 0x33, 0)                       \
  E(dppd_31, dppd, 0, "dppd $0x31,%%xmm1,%%xmm2", "dsx", "dx", G_F64R, 0x31, 0)                       \
  E(dppd_22, dppd, 0, "dppd $0x22,%%xmm1,%%xmm2", "dsx", "dx", G_F64R, 0x22, 0)                       \
  /* ---- compares ---- */                                                                           \
  CMP4(0) CMP4(1) CMP4(2) CMP4(3) CMP4(4) CMP4(5) CMP4(6) CMP4(7)                                     \
  E(cmpps_m, cmpps, 0, "cmpps $1,48(%%rdi),%%xmm2", "dsx", "dx", G_F32R, 1, 1)                        \
  E(comiss, comiss, 0, "comiss %%xmm1,%%xmm2", "dsxf", "xf", G_F32S, 0, 0)                            \
  E(ucomiss, ucomiss, 0, "ucomiss %%xmm1,%%xmm2", "dsxf", "xf", G_F32S, 0, 0)                         \
  E(comisd, comisd, 0, "comisd %%xmm1,%%xmm2", "dsxf", "xf", G_F64S, 0, 0)                            \
  E(ucomisd, ucomisd, 0, "ucomisd %%xmm1,%%xmm2", "dsxf", "xf", G_F64S, 0, 0)                         \
  E(comisd_m, comisd, 0, "comisd 48(%%rdi),%%xmm2", "dsxf", "xf", G_F64S, 0, 1)                       \
  /* ---- round ---- */                                                                              \
  RND4(0) RND4(1) RND4(2) RND4(3) RND4(4) RND4(9) RND4(12)                                            \
  /* ---- conversions ---- */                                                                        \
  E(cvtsi2ss, cvtsi2ss, 0, "cvtsi2ss %%eax,%%xmm2", "dgx", "dx", G_GI32, 0, 0)                        \
  E(cvtsi2ss_q, cvtsi2ss, 1, "cvtsi2ss %%rax,%%xmm2", "dgx", "dx", G_GI64, 0, 0)                      \
  E(cvtsi2sd, cvtsi2sd, 0, "cvtsi2sd %%eax,%%xmm2", "dgx", "dx", G_GI32, 0, 0)                        \
  E(cvtsi2sd_q, cvtsi2sd, 1, "cvtsi2sd %%rax,%%xmm2", "dgx", "dx", G_GI64, 0, 0)                      \
  E(cvtsi2ss_mq, cvtsi2ss, 1, "cvtsi2ssq 48(%%rdi),%%xmm2", "dsx", "dx", G_GI64, 0, 1)                \
  E(cvtsi2sd_md, cvtsi2sd, 0, "cvtsi2sdl 48(%%rdi),%%xmm2", "dsx", "dx", G_GI32, 0, 1)                \
  E(cvtss2si, cvtss2si, 0, "cvtss2si %%xmm1,%%eax", "sgx", "gx", G_CVT32, 0, 0)                       \
  E(cvtss2si_q, cvtss2si, 1, "cvtss2si %%xmm1,%%rax", "sgx", "gx", G_CVT32, 0, 0)                     \
  E(cvttss2si, cvttss2si, 0, "cvttss2si %%xmm1,%%eax", "sgx", "gx", G_CVT32, 0, 0)                    \
  E(cvttss2si_q, cvttss2si, 1, "cvttss2si %%xmm1,%%rax", "sgx", "gx", G_CVT32, 0, 0)                  \
  E(cvtsd2si, cvtsd2si, 0, "cvtsd2si %%xmm1,%%eax", "sgx", "gx", G_CVT64, 0, 0)                       \
  E(cvtsd2si_q, cvtsd2si, 1, "cvtsd2si %%xmm1,%%rax", "sgx", "gx", G_CVT64, 0, 0)                     \
  E(cvttsd2si, cvttsd2si, 0, "cvttsd2si %%xmm1,%%eax", "sgx", "gx", G_CVT64, 0, 0)                    \
  E(cvttsd2si_q, cvttsd2si, 1, "cvttsd2si %%xmm1,%%rax", "sgx", "gx", G_CVT64, 0, 0)                  \
  E(cvttsd2si_m, cvttsd2si, 1, "cvttsd2si 48(%%rdi),%%rax", "sgx", "gx", G_CVT64, 0, 1)               \
  E(cvtss2sd, cvtss2sd, 0, "cvtss2sd %%xmm1,%%xmm2", "dsx", "dx", G_F32U, 0, 0)                       \
  E(cvtsd2ss, cvtsd2ss, 0, "cvtsd2ss %%xmm1,%%xmm2", "dsx", "dx", G_F64TO32, 0, 0)                    \
  E(cvtps2pd, cvtps2pd, 0, "cvtps2pd %%xmm1,%%xmm2", "dsx", "dx", G_F32U, 0, 0)                       \
  E(cvtps2pd_m, cvtps2pd, 0, "cvtps2pd 48(%%rdi),%%xmm2", "dsx", "dx", G_F32U, 0, 1)                  \
  E(cvtpd2ps, cvtpd2ps, 0, "cvtpd2ps %%xmm1,%%xmm2", "dsx", "dx", G_F64TO32, 0, 0)                    \
  E(cvtdq2ps, cvtdq2ps, 0, "cvtdq2ps %%xmm1,%%xmm2", "dsx", "dx", G_I32, 0, 0)                        \
  E(cvtps2dq, cvtps2dq, 0, "cvtps2dq %%xmm1,%%xmm2", "dsx", "dx", G_CVT32, 0, 0)                      \
  E(cvttps2dq, cvttps2dq, 0, "cvttps2dq %%xmm1,%%xmm2", "dsx", "dx", G_CVT32, 0, 0)                   \
  E(cvtdq2pd, cvtdq2pd, 0, "cvtdq2pd %%xmm1,%%xmm2", "dsx", "dx", G_I32, 0, 0)                        \
  E(cvtdq2pd_m, cvtdq2pd, 0, "cvtdq2pd 48(%%rdi),%%xmm2", "dsx", "dx", G_I32, 0, 1)                   \
  E(cvtpd2dq, cvtpd2dq, 0, "cvtpd2dq %%xmm1,%%xmm2", "dsx", "dx", G_CVT64, 0, 0)                      \
  E(cvttpd2dq, cvttpd2dq, 0, "cvttpd2dq %%xmm1,%%xmm2", "dsx", "dx", G_CVT64, 0, 0)                   \
  /* ---- moves ---- */                                                                              \
  E(movups, movups, 0, "movups %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                               \
  E(movups_m, movups, 0, "movups 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                          \
  E(movups_st, movups_st, 0, "movups %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movupd, movupd, 0, "movupd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                               \
  E(movupd_st, movupd_st, 0, "movupd %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movapd_st, movapd_st, 0, "movapd %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movdqu, movdqu, 0, "movdqu 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                            \
  E(movdqu_st, movdqu_st, 0, "movdqu %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(lddqu, lddqu, 0, "lddqu 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                               \
  E(movaps, movaps, 0, "movaps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                               \
  E(movaps_m, movaps, 0, "movaps 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                          \
  E(movaps_st, movaps_st, 0, "movaps %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movapd, movapd, 0, "movapd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                               \
  E(movdqa_m, movdqa, 0, "movdqa 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                          \
  E(movdqa_st, movdqa_st, 0, "movdqa %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movntps, movntps, 0, "movntps %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                         \
  E(movntpd, movntpd, 0, "movntpd %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                         \
  E(movntdq, movntdq, 0, "movntdq %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                         \
  E(movntdqa, movntdqa, 0, "movntdqa 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                      \
  E(movnti, movnti, 0, "movnti %%eax,48(%%rdi)", "gm", "m", G_BITS, 0, 0)                             \
  E(movnti_q, movnti, 1, "movnti %%rax,48(%%rdi)", "gm", "m", G_BITS, 0, 0)                           \
  E(movss, movss, 0, "movss %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                  \
  E(movss_m, movss, 0, "movss 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                             \
  E(movss_st, movss_st, 0, "movss %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                         \
  E(movss_rr, movss_st, 0, "%{store%} movss %%xmm2,%%xmm1", "ds", "S", G_BITS, 0, 0)                   \
  E(movsd, movsd, 0, "movsd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                  \
  E(movsd_m, movsd, 0, "movsd 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                             \
  E(movsd_st, movsd_st, 0, "movsd %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                         \
  E(movsd_rr, movsd_st, 0, "%{store%} movsd %%xmm2,%%xmm1", "ds", "S", G_BITS, 0, 0)                   \
  E(movlps_m, movlps, 0, "movlps 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                          \
  E(movlps_st, movlps_st, 0, "movlps %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movlpd_m, movlpd, 0, "movlpd 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                          \
  E(movlpd_st, movlpd_st, 0, "movlpd %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movhps_m, movhps, 0, "movhps 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                          \
  E(movhps_st, movhps_st, 0, "movhps %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movhpd_m, movhpd, 0, "movhpd 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                          \
  E(movhpd_st, movhpd_st, 0, "movhpd %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                      \
  E(movhlps, movhlps, 0, "movhlps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                            \
  E(movlhps, movlhps, 0, "movlhps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                            \
  E(movddup, movddup, 0, "movddup %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                            \
  E(movddup_m, movddup, 0, "movddup 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                       \
  E(movsldup, movsldup, 0, "movsldup %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(movshdup, movshdup, 0, "movshdup %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(movq, movq, 0, "movq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                     \
  E(movq_m, movq, 0, "movq 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                                \
  E(movq_st, movq_st, 0, "movq %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                            \
  E(movq_rr, movq_st, 0, "%{store%} movq %%xmm2,%%xmm1", "ds", "S", G_BITS, 0, 0)                      \
  E(movd_g2x, movd_g2x, 0, "movd %%eax,%%xmm2", "dg", "d", G_BITS, 0, 0)                              \
  E(movq_g2x, movd_g2x, 1, "movq %%rax,%%xmm2", "dg", "d", G_BITS, 0, 0)                              \
  E(movd_m2x, movd_g2x, 0, "movd 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                          \
  E(movd_x2g, movd_x2g, 0, "movd %%xmm2,%%eax", "dg", "g", G_BITS, 0, 0)                              \
  E(movq_x2g, movd_x2g, 1, "movq %%xmm2,%%rax", "dg", "g", G_BITS, 0, 0)                              \
  E(movd_x2m, movd_x2g, 0, "movd %%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                          \
  E(unpcklps, unpcklps, 0, "unpcklps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(unpckhps, unpckhps, 0, "unpckhps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(unpcklpd, unpcklpd, 0, "unpcklpd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(unpckhpd, unpckhpd, 0, "unpckhpd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(shufps_1b, shufps, 0, "shufps $0x1b,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0x1b, 0)                   \
  E(shufps_e4, shufps, 0, "shufps $0xe4,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0xe4, 0)                   \
  E(shufps_93, shufps, 0, "shufps $0x93,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0x93, 0)                   \
  E(shufpd_1, shufpd, 0, "shufpd $1,%%xmm1,%%xmm2", "ds", "d", G_BITS, 1, 0)                          \
  E(shufpd_2, shufpd, 0, "shufpd $2,%%xmm1,%%xmm2", "ds", "d", G_BITS, 2, 0)                          \
  E(movmskps, movmskps, 0, "movmskps %%xmm1,%%eax", "sg", "g", G_BITS, 0, 0)                          \
  E(movmskpd, movmskpd, 0, "movmskpd %%xmm1,%%eax", "sg", "g", G_BITS, 0, 0)                          \
  E(pmovmskb, pmovmskb, 0, "pmovmskb %%xmm1,%%eax", "sg", "g", G_BITS, 0, 0)                          \
  E(maskmovdqu, maskmovdqu, 0, "lea 48(%%rdi),%%rdi\n\tmaskmovdqu %%xmm1,%%xmm2\n\tlea -48(%%rdi),%%rdi", "dsm", "m", G_BITS, 0, 0) \
  E(ldmxcsr, ldmxcsr, 0, "ldmxcsr 48(%%rdi)", "m", "x", G_LDMX, 0, 0)                                 \
  E(stmxcsr, stmxcsr, 0, "stmxcsr 48(%%rdi)", "mx", "m", G_STMX, 0, 0)                                \
  /* ---- logic ---- */                                                                              \
  E(andps, andps, 0, "andps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                  \
  E(andnps, andnps, 0, "andnps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                               \
  E(orps, orps, 0, "orps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                     \
  E(xorps, xorps, 0, "xorps %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                  \
  E(andpd, andpd, 0, "andpd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                  \
  E(andnpd, andnpd, 0, "andnpd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                               \
  E(orpd, orpd, 0, "orpd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                     \
  E(xorpd, xorpd, 0, "xorpd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                  \
  E(pand, pand, 0, "pand %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                     \
  E(pandn, pandn, 0, "pandn %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                  \
  E(por, por, 0, "por %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                        \
  E(pxor, pxor, 0, "pxor %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                                     \
  E(pxor_m, pxor, 0, "pxor 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                                \
  /* ---- packed integer ---- */                                                                     \
  E(paddb, paddb, 0, "paddb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                    \
  E(paddw, paddw, 0, "paddw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                   \
  E(paddd, paddd, 0, "paddd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                   \
  E(paddq, paddq, 0, "paddq %%xmm1,%%xmm2", "ds", "d", G_I64, 0, 0)                                   \
  E(psubb, psubb, 0, "psubb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                    \
  E(psubw, psubw, 0, "psubw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                   \
  E(psubd, psubd, 0, "psubd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                   \
  E(psubq, psubq, 0, "psubq %%xmm1,%%xmm2", "ds", "d", G_I64, 0, 0)                                   \
  E(paddsb, paddsb, 0, "paddsb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                 \
  E(paddsw, paddsw, 0, "paddsw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(paddusb, paddusb, 0, "paddusb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                              \
  E(paddusw, paddusw, 0, "paddusw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                             \
  E(psubsb, psubsb, 0, "psubsb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                 \
  E(psubsw, psubsw, 0, "psubsw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(psubusb, psubusb, 0, "psubusb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                              \
  E(psubusw, psubusw, 0, "psubusw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                             \
  E(pcmpeqb, pcmpeqb, 0, "pcmpeqb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                              \
  E(pcmpeqw, pcmpeqw, 0, "pcmpeqw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                             \
  E(pcmpeqd, pcmpeqd, 0, "pcmpeqd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                             \
  E(pcmpgtb, pcmpgtb, 0, "pcmpgtb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                              \
  E(pcmpgtw, pcmpgtw, 0, "pcmpgtw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                             \
  E(pcmpgtd, pcmpgtd, 0, "pcmpgtd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                             \
  E(pminub, pminub, 0, "pminub %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                 \
  E(pmaxub, pmaxub, 0, "pmaxub %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                 \
  E(pminsw, pminsw, 0, "pminsw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(pmaxsw, pmaxsw, 0, "pmaxsw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(pavgb, pavgb, 0, "pavgb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                    \
  E(pavgw, pavgw, 0, "pavgw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                   \
  E(psadbw, psadbw, 0, "psadbw %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                 \
  E(pmullw, pmullw, 0, "pmullw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(pmulhw, pmulhw, 0, "pmulhw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(pmulhuw, pmulhuw, 0, "pmulhuw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                             \
  E(pmuludq, pmuludq, 0, "pmuludq %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                             \
  E(pmaddwd, pmaddwd, 0, "pmaddwd %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                             \
  E(psllw, psllw, 0, "psllw %%xmm1,%%xmm2", "ds", "d", G_SHIFT, 0, 0)                                 \
  E(pslld, pslld, 0, "pslld %%xmm1,%%xmm2", "ds", "d", G_SHIFT, 0, 0)                                 \
  E(psllq, psllq, 0, "psllq %%xmm1,%%xmm2", "ds", "d", G_SHIFT, 0, 0)                                 \
  E(psrlw, psrlw, 0, "psrlw %%xmm1,%%xmm2", "ds", "d", G_SHIFT, 0, 0)                                 \
  E(psrld, psrld, 0, "psrld %%xmm1,%%xmm2", "ds", "d", G_SHIFT, 0, 0)                                 \
  E(psrlq, psrlq, 0, "psrlq %%xmm1,%%xmm2", "ds", "d", G_SHIFT, 0, 0)                                 \
  E(psraw, psraw, 0, "psraw %%xmm1,%%xmm2", "ds", "d", G_SHIFT, 0, 0)                                 \
  E(psrad, psrad, 0, "psrad %%xmm1,%%xmm2", "ds", "d", G_SHIFT, 0, 0)                                 \
  SHI(psllw, 1) SHI(psllw, 15) SHI(psllw, 16) SHI(psrlw, 3) SHI(psrlw, 16) SHI(psraw, 5)             \
  SHI(psraw, 15) SHI(psraw, 200) SHI(pslld, 7) SHI(pslld, 31) SHI(pslld, 32) SHI(psrld, 1)           \
  SHI(psrld, 40) SHI(psrad, 13) SHI(psrad, 31) SHI(psrad, 32) SHI(psllq, 1) SHI(psllq, 31)           \
  SHI(psllq, 32) SHI(psllq, 45) SHI(psllq, 64) SHI(psrlq, 7) SHI(psrlq, 32) SHI(psrlq, 63)           \
  SHI(psrlq, 255) SHI(psrldq, 0) SHI(psrldq, 3) SHI(psrldq, 15) SHI(psrldq, 16) SHI(pslldq, 1)       \
  SHI(pslldq, 8) SHI(pslldq, 17)                                                                      \
  E(pshufd_1b, pshufd, 0, "pshufd $0x1b,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0x1b, 0)                   \
  E(pshufd_d8, pshufd, 0, "pshufd $0xd8,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0xd8, 0)                   \
  E(pshuflw_1b, pshuflw, 0, "pshuflw $0x1b,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0x1b, 0)                \
  E(pshuflw_c6, pshuflw, 0, "pshuflw $0xc6,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0xc6, 0)                \
  E(pshufhw_1b, pshufhw, 0, "pshufhw $0x1b,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0x1b, 0)                \
  E(pshufhw_72, pshufhw, 0, "pshufhw $0x72,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0x72, 0)                \
  E(punpcklbw, punpcklbw, 0, "punpcklbw %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                      \
  E(punpcklwd, punpcklwd, 0, "punpcklwd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                      \
  E(punpckldq, punpckldq, 0, "punpckldq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                      \
  E(punpcklqdq, punpcklqdq, 0, "punpcklqdq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                   \
  E(punpckhbw, punpckhbw, 0, "punpckhbw %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                      \
  E(punpckhwd, punpckhwd, 0, "punpckhwd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                      \
  E(punpckhdq, punpckhdq, 0, "punpckhdq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                      \
  E(punpckhqdq, punpckhqdq, 0, "punpckhqdq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                   \
  E(packsswb, packsswb, 0, "packsswb %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                          \
  E(packuswb, packuswb, 0, "packuswb %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                          \
  E(packssdw, packssdw, 0, "packssdw %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                          \
  E(packusdw, packusdw, 0, "packusdw %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                          \
  E(pinsrw_0, pinsrw, 0, "pinsrw $0,%%eax,%%xmm2", "dg", "d", G_BITS, 0, 0)                           \
  E(pinsrw_5, pinsrw, 0, "pinsrw $5,%%eax,%%xmm2", "dg", "d", G_BITS, 5, 0)                           \
  E(pinsrw_m, pinsrw, 0, "pinsrw $7,48(%%rdi),%%xmm2", "ds", "d", G_BITS, 7, 1)                       \
  E(pextrw_2, pextrw, 0, "pextrw $2,%%xmm1,%%eax", "sg", "g", G_BITS, 2, 0)                           \
  E(pextrw_7, pextrw, 0, "pextrw $7,%%xmm1,%%eax", "sg", "g", G_BITS, 7, 0)                           \
  /* ---- SSSE3 ---- */                                                                              \
  E(pshufb, pshufb, 0, "pshufb %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                               \
  E(phaddw, phaddw, 0, "phaddw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(phaddd, phaddd, 0, "phaddd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(phaddsw, phaddsw, 0, "phaddsw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                             \
  E(phsubw, phsubw, 0, "phsubw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(phsubd, phsubd, 0, "phsubd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(phsubsw, phsubsw, 0, "phsubsw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                             \
  E(pmaddubsw, pmaddubsw, 0, "pmaddubsw %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                        \
  E(pmulhrsw, pmulhrsw, 0, "pmulhrsw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                          \
  E(psignb, psignb, 0, "psignb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                 \
  E(psignw, psignw, 0, "psignw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(psignd, psignd, 0, "psignd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(pabsb, pabsb, 0, "pabsb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                    \
  E(pabsw, pabsw, 0, "pabsw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                   \
  E(pabsd, pabsd, 0, "pabsd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                   \
  E(palignr_0, palignr, 0, "palignr $0,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                       \
  E(palignr_5, palignr, 0, "palignr $5,%%xmm1,%%xmm2", "ds", "d", G_BITS, 5, 0)                       \
  E(palignr_16, palignr, 0, "palignr $16,%%xmm1,%%xmm2", "ds", "d", G_BITS, 16, 0)                    \
  E(palignr_27, palignr, 0, "palignr $27,%%xmm1,%%xmm2", "ds", "d", G_BITS, 27, 0)                    \
  E(palignr_32, palignr, 0, "palignr $32,%%xmm1,%%xmm2", "ds", "d", G_BITS, 32, 0)                    \
  /* ---- SSE4.1 / 4.2 ---- */                                                                       \
  E(pblendvb, pblendvb, 0, "pblendvb %%xmm0,%%xmm1,%%xmm2", "dsz", "d", G_MASK, 0, 0)                 \
  E(blendvps, blendvps, 0, "blendvps %%xmm0,%%xmm1,%%xmm2", "dsz", "d", G_MASK, 0, 0)                 \
  E(blendvpd, blendvpd, 0, "blendvpd %%xmm0,%%xmm1,%%xmm2", "dsz", "d", G_MASK, 0, 0)                 \
  E(ptest, ptest, 0, "ptest %%xmm1,%%xmm2", "dsf", "f", G_MASK, 0, 0)                                 \
  E(pmovsxbw, pmovsxbw, 0, "pmovsxbw %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovsxbd, pmovsxbd, 0, "pmovsxbd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovsxbq, pmovsxbq, 0, "pmovsxbq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovsxwd, pmovsxwd, 0, "pmovsxwd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovsxwq, pmovsxwq, 0, "pmovsxwq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovsxdq, pmovsxdq, 0, "pmovsxdq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovzxbw, pmovzxbw, 0, "pmovzxbw %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovzxbd, pmovzxbd, 0, "pmovzxbd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovzxbq, pmovzxbq, 0, "pmovzxbq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovzxwd, pmovzxwd, 0, "pmovzxwd %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovzxwq, pmovzxwq, 0, "pmovzxwq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovzxdq, pmovzxdq, 0, "pmovzxdq %%xmm1,%%xmm2", "ds", "d", G_BITS, 0, 0)                         \
  E(pmovzxbq_m, pmovzxbq, 0, "pmovzxbq 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                    \
  E(pmovsxwd_m, pmovsxwd, 0, "pmovsxwd 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                    \
  E(pmovsxbd_m, pmovsxbd, 0, "pmovsxbd 48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                    \
  E(pmuldq, pmuldq, 0, "pmuldq %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(pmulld, pmulld, 0, "pmulld %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(pcmpeqq, pcmpeqq, 0, "pcmpeqq %%xmm1,%%xmm2", "ds", "d", G_I64, 0, 0)                             \
  E(pcmpgtq, pcmpgtq, 0, "pcmpgtq %%xmm1,%%xmm2", "ds", "d", G_I64, 0, 0)                             \
  E(pminsb, pminsb, 0, "pminsb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                 \
  E(pmaxsb, pmaxsb, 0, "pmaxsb %%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                                 \
  E(pminuw, pminuw, 0, "pminuw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(pmaxuw, pmaxuw, 0, "pmaxuw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                                \
  E(pminsd, pminsd, 0, "pminsd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(pmaxsd, pmaxsd, 0, "pmaxsd %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(pminud, pminud, 0, "pminud %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(pmaxud, pmaxud, 0, "pmaxud %%xmm1,%%xmm2", "ds", "d", G_I32, 0, 0)                                \
  E(phminposuw, phminposuw, 0, "phminposuw %%xmm1,%%xmm2", "ds", "d", G_I16, 0, 0)                    \
  E(mpsadbw_0, mpsadbw, 0, "mpsadbw $0,%%xmm1,%%xmm2", "ds", "d", G_I8, 0, 0)                         \
  E(mpsadbw_7, mpsadbw, 0, "mpsadbw $7,%%xmm1,%%xmm2", "ds", "d", G_I8, 7, 0)                         \
  E(mpsadbw_6, mpsadbw, 0, "mpsadbw $6,%%xmm1,%%xmm2", "ds", "d", G_I8, 6, 0)                         \
  E(blendps_5, blendps, 0, "blendps $5,%%xmm1,%%xmm2", "ds", "d", G_BITS, 5, 0)                       \
  E(blendps_e, blendps, 0, "blendps $14,%%xmm1,%%xmm2", "ds", "d", G_BITS, 14, 0)                     \
  E(blendpd_1, blendpd, 0, "blendpd $1,%%xmm1,%%xmm2", "ds", "d", G_BITS, 1, 0)                       \
  E(blendpd_2, blendpd, 0, "blendpd $2,%%xmm1,%%xmm2", "ds", "d", G_BITS, 2, 0)                       \
  E(pblendw_a5, pblendw, 0, "pblendw $0xa5,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0xa5, 0)                \
  E(pblendw_f0, pblendw, 0, "pblendw $0xf0,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0xf0, 0)                \
  E(pextrb_9, pextrb, 0, "pextrb $9,%%xmm2,%%eax", "dg", "g", G_BITS, 9, 0)                           \
  E(pextrb_m, pextrb, 0, "pextrb $14,%%xmm2,48(%%rdi)", "dm", "m", G_BITS, 14, 0)                     \
  E(pextrw41_m, pextrw41, 0, "pextrw $5,%%xmm2,48(%%rdi)", "dm", "m", G_BITS, 5, 0)                   \
  E(pextrd_2, pextrd, 0, "pextrd $2,%%xmm2,%%eax", "dg", "g", G_BITS, 2, 0)                           \
  E(pextrq_1, pextrd, 1, "pextrq $1,%%xmm2,%%rax", "dg", "g", G_BITS, 1, 0)                           \
  E(pextrq_m, pextrd, 1, "pextrq $0,%%xmm2,48(%%rdi)", "dm", "m", G_BITS, 0, 0)                       \
  E(extractps_3, extractps, 0, "extractps $3,%%xmm2,%%eax", "dg", "g", G_BITS, 3, 0)                  \
  E(extractps_m, extractps, 0, "extractps $1,%%xmm2,48(%%rdi)", "dm", "m", G_BITS, 1, 0)              \
  E(pinsrb_7, pinsrb, 0, "pinsrb $7,%%eax,%%xmm2", "dg", "d", G_BITS, 7, 0)                           \
  E(pinsrb_m, pinsrb, 0, "pinsrb $15,48(%%rdi),%%xmm2", "ds", "d", G_BITS, 15, 1)                     \
  E(pinsrd_2, pinsrd, 0, "pinsrd $2,%%eax,%%xmm2", "dg", "d", G_BITS, 2, 0)                           \
  E(pinsrq_1, pinsrd, 1, "pinsrq $1,%%rax,%%xmm2", "dg", "d", G_BITS, 1, 0)                           \
  E(pinsrq_m, pinsrd, 1, "pinsrq $0,48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0, 1)                       \
  E(insertps_4d, insertps, 0, "insertps $0x4d,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0x4d, 0)             \
  E(insertps_b2, insertps, 0, "insertps $0xb2,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0xb2, 0)             \
  E(insertps_30, insertps, 0, "insertps $0x30,%%xmm1,%%xmm2", "ds", "d", G_BITS, 0x30, 0)             \
  E(insertps_m, insertps, 0, "insertps $0xe4,48(%%rdi),%%xmm2", "ds", "d", G_BITS, 0xe4, 1)          \
  /* ---- SSE4.2 ---- */                                                                              \
  STRI(0x00) STRI(0x01) STRI(0x02) STRI(0x03) STRI(0x04) STRI(0x05) STRI(0x06) STRI(0x07)             \
  STRI(0x08) STRI(0x09) STRI(0x0a) STRI(0x0b) STRI(0x0c) STRI(0x0d) STRI(0x0e) STRI(0x0f)             \
  STRI(0x10) STRI(0x14) STRI(0x30) STRI(0x3a) STRI(0x44) STRI(0x4c) STRI(0x5a) STRI(0x78)             \
  STRM(0x00) STRM(0x04) STRM(0x09) STRM(0x0c) STRM(0x18) STRM(0x3a) STRM(0x40) STRM(0x45)             \
  STRM(0x4a) STRM(0x4f) STRM(0x60) STRM(0x71)                                                         \
  E(pcmpestriq_0c, pcmpestri, 1, "pcmpestriq $0x0c,%%xmm1,%%xmm2", "dsgec", "cf", G_STR, 0x0c, 0)    \
  E(pcmpestriq_44, pcmpestri, 1, "pcmpestriq $0x44,%%xmm1,%%xmm2", "dsgec", "cf", G_STR, 0x44, 0)    \
  E(pcmpistri_m, pcmpistri, 0, "pcmpistri $0x0c,48(%%rdi),%%xmm2", "dsc", "cf", G_STR, 0x0c, 1)     \
  E(pcmpestrm_m, pcmpestrm, 0, "pcmpestrm $0x40,48(%%rdi),%%xmm2", "dsgez", "Zf", G_STR, 0x40, 1)   \
  E(crc32b, crc32b, 0, "crc32b %%al,%%ecx", "gc", "c", G_CRC, 0, 0)                                   \
  E(crc32b_ah, crc32b_ah, 0, "crc32b %%ah,%%ecx", "gc", "c", G_CRC, 0, 0)                             \
  E(crc32b_q, crc32b, 1, "crc32b %%al,%%rcx", "gc", "c", G_CRC, 0, 0)                                 \
  E(crc32w, crc32w, 0, "crc32w %%ax,%%ecx", "gc", "c", G_CRC, 0, 0)                                   \
  E(crc32l, crc32l, 0, "crc32l %%eax,%%ecx", "gc", "c", G_CRC, 0, 0)                                  \
  E(crc32q, crc32q, 1, "crc32q %%rax,%%rcx", "gc", "c", G_CRC, 0, 0)                                  \
  E(crc32l_m, crc32l, 0, "crc32l 48(%%rdi),%%ecx", "sc", "c", G_CRC, 0, 1)                            \
  E(crc32q_m, crc32q, 1, "crc32q 48(%%rdi),%%rcx", "sc", "c", G_CRC, 0, 1)

#define CMP4(p)                                                                                     \
  E(cmpps_##p, cmpps, 0, "cmpps $" #p ",%%xmm1,%%xmm2", "dsx", "dx", G_F32R, p, 0)                  \
  E(cmpss_##p, cmpss, 0, "cmpss $" #p ",%%xmm1,%%xmm2", "dsx", "dx", G_F32S, p, 0)                  \
  E(cmppd_##p, cmppd, 0, "cmppd $" #p ",%%xmm1,%%xmm2", "dsx", "dx", G_F64R, p, 0)                  \
  E(cmpsd_##p, cmpsd, 0, "cmpsd $" #p ",%%xmm1,%%xmm2", "dsx", "dx", G_F64S, p, 0)
#define RND4(p)                                                                                     \
  E(roundps_##p, roundps, 0, "roundps $" #p ",%%xmm1,%%xmm2", "dsx", "dx", G_RND32, p, 0)           \
  E(roundss_##p, roundss, 0, "roundss $" #p ",%%xmm1,%%xmm2", "dsx", "dx", G_RND32, p, 0)           \
  E(roundpd_##p, roundpd, 0, "roundpd $" #p ",%%xmm1,%%xmm2", "dsx", "dx", G_RND64, p, 0)           \
  E(roundsd_##p, roundsd, 0, "roundsd $" #p ",%%xmm1,%%xmm2", "dsx", "dx", G_RND64, p, 0)
#define STRI(p)                                                                                     \
  E(pcmpistri_##p, pcmpistri, 0, "pcmpistri $" #p ",%%xmm1,%%xmm2", "dsc", "cf", G_STR, p, 0)      \
  E(pcmpestri_##p, pcmpestri, 0, "pcmpestri $" #p ",%%xmm1,%%xmm2", "dsgec", "cf", G_STR, p, 0)
#define STRM(p)                                                                                     \
  E(pcmpistrm_##p, pcmpistrm, 0, "pcmpistrm $" #p ",%%xmm1,%%xmm2", "dsz", "Zf", G_STR, p, 0)      \
  E(pcmpestrm_##p, pcmpestrm, 0, "pcmpestrm $" #p ",%%xmm1,%%xmm2", "dsgez", "Zf", G_STR, p, 0)
#define SHI(op, n) E(op##_i##n, op##_i, 0, #op " $" #n ",%%xmm2", "d", "d", G_BITS, n, 0)

#define E(id, key, w, insn, in, out, gen, imm, mem)                                                 \
  static void run_##id(ctx_t *c) {                                                                  \
    __asm__ volatile(PRO insn EPI : : "D"(c) : "rax", "rcx", "rdx", "xmm0", "xmm1", "xmm2", "memory", "cc");      \
  }
LIST
#undef E

typedef struct {
  const char *id, *key;
  int w;
  void (*run)(ctx_t *);
  const char *in, *out;
  int gen, imm, mem;
} entry_t;

#define E(id, key, w, insn, in, out, gen, imm, mem) {#id, #key, w, run_##id, in, out, gen, imm, mem},
static const entry_t entries[] = {LIST};
#undef E

/* ---- deterministic random numbers (xorshift64*) ---- */
static u64 rs = 0x9e3779b97f4a7c15ull;
static u64 rnd(void) {
  rs ^= rs >> 12; rs ^= rs << 25; rs ^= rs >> 27;
  return rs * 0x2545f4914f6cdd1dull;
}
static u32 rn(u32 n) { return (u32)(rnd() % n); }

/* ---- boundary values ---- */
static const u32 SP32[] = {
  0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f7fffff, 0x3f800001, 0x40400000, 0x3dcccccd,
  0x3f000000, 0x3f000001, 0x3effffff, 0x40200000, 0x40600000, 0x4b800001, 0x00800000, 0x80800000,
  0x00800001, 0x7f7fffff, 0xff7fffff, 0x7f000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff,
  0x00400000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc12345, 0x7f800001, 0xffa54321,
  0x4f000000, 0xcf000000, 0x4effffff, 0xcf000001, 0x5f000000, 0xdf000000, 0x5effffff, 0x1f800000,
  0x5f800000, 0x3fc00000, 0xc0200000, 0x4b7fffff, 0x0c000000, 0x73000000,
};
#define N32 (sizeof SP32 / sizeof SP32[0])
static const u64 SP64[] = {
  0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
  0x3fefffffffffffffull, 0x3ff0000000000001ull, 0x4008000000000000ull, 0x3fb999999999999aull,
  0x3fe0000000000000ull, 0x3fe0000000000001ull, 0x3fdfffffffffffffull, 0x4004000000000000ull,
  0x400c000000000000ull, 0x4340000000000001ull, 0x0010000000000000ull, 0x8010000000000000ull,
  0x0010000000000001ull, 0x7fefffffffffffffull, 0xffefffffffffffffull, 0x7fe0000000000000ull,
  0x0000000000000001ull, 0x8000000000000001ull, 0x000fffffffffffffull, 0x800fffffffffffffull,
  0x0008000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
  0xfff8000000000000ull, 0x7ff8000000012345ull, 0x7ff0000000000001ull, 0xfff4000000054321ull,
  0x41e0000000000000ull, 0xc1e0000000000000ull, 0x41dfffffffc00000ull, 0x41dfffffffe00000ull,
  0xc1e0000000200000ull, 0x43e0000000000000ull, 0xc3e0000000000000ull, 0x43dfffffffffffffull,
  0x1ff0000000000000ull, 0x5ff0000000000000ull, 0x3ff8000000000000ull, 0xc004000000000000ull,
  0x47efffffe0000000ull, 0x3810000000000000ull, 0x36a0000000000000ull, 0x3690000000000000ull,
  0x47efffffefffffffull, 0x47effffff0000000ull, 0x0018000000000000ull, 0x7fdfffffffffffffull,
};
#define N64 (sizeof SP64 / sizeof SP64[0])

/* A float32 of a category: special, ordinary, tiny (products underflow), huge, raw bits. */
static u32 f32cat(int cat) {
  u32 sign = (u32)(rnd() & 1) << 31, man = (u32)rnd() & 0x7fffff;
  switch (cat) {
  case 0: return SP32[rn(N32)];
  case 1: return sign | ((107 + rn(41)) << 23) | man;
  case 2: return sign | ((1 + rn(90)) << 23) | man;
  case 3: return sign | ((170 + rn(85)) << 23) | man;
  case 4: return sign | man;   /* denormal */
  default: return (u32)rnd();
  }
}
static u32 f32mix(void) {
  u32 r = rn(100);
  return f32cat(r < 35 ? 0 : r < 70 ? 1 : r < 80 ? 2 : r < 88 ? 3 : r < 92 ? 4 : 5);
}
static u64 f64cat(int cat) {
  u64 sign = (rnd() & 1) << 63, man = rnd() & 0xfffffffffffffull;
  switch (cat) {
  case 0: return SP64[rn(N64)];
  case 1: return sign | ((u64)(1003 + rn(41)) << 52) | man;
  case 2: return sign | ((u64)(1 + rn(700)) << 52) | man;
  case 3: return sign | ((u64)(1400 + rn(647)) << 52) | man;
  case 4: return sign | man;
  default: return rnd();
  }
}
static u64 f64mix(void) {
  u32 r = rn(100);
  return f64cat(r < 35 ? 0 : r < 70 ? 1 : r < 80 ? 2 : r < 88 ? 3 : r < 92 ? 4 : 5);
}

/* MXCSR inputs: mostly default (with and without PE, for the fast paths), every RC, DAZ, FTZ. */
static u32 mxpick(void) {
  static const u32 t[] = {0x1f80, 0x1f80, 0x1f80, 0x1fa0, 0x1fa0, 0x1fa0, 0x3f80, 0x5f80,
                          0x7f80, 0x9f80, 0x1fc0, 0x9fc0, 0x3fa0, 0x7fe0, 0xdf80, 0x5fc0};
  u32 v = t[rn(16)];
  if (rn(8) == 0) v |= (u32)rnd() & 0x3f;
  return v;
}

static void put32(u8 *p, int lane, u32 v) { memcpy(p + 4 * lane, &v, 4); }
static void put64(u8 *p, int lane, u64 v) { memcpy(p + 8 * lane, &v, 8); }
static void rndbytes(u8 *p) { for (int k = 0; k < 16; k++) p[k] = (u8)rnd(); }

static const u64 I64B[] = {0, 1, 0xffffffffffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull,
                           0x00000000ffffffffull, 0xffffffff00000000ull, 0x0000000080000000ull,
                           0x7fffffff, 0xffffffff80000000ull, 0x20000000000001ull, 0xffdfffffffffffffull,
                           0x8000000000000001ull, 0x7ffffffffffffe00ull, 0x40000000000003ffull};
#define NI64 (sizeof I64B / sizeof I64B[0])

/* An integer lane of width w bytes with boundary values mixed in. */
static u64 intlane(int w) {
  u64 mask = w == 8 ? ~0ull : ((1ull << (8 * w)) - 1);
  u64 top = 1ull << (8 * w - 1);
  switch (rn(8)) {
  case 0: return 0;
  case 1: return mask;            /* -1 */
  case 2: return top;             /* min */
  case 3: return top - 1;         /* max */
  case 4: return rn(5);
  case 5: return (mask - rn(4)) & mask;
  default: return rnd() & mask;
  }
}

static void fill_int(u8 *p, int w) {
  for (int k = 0; k < 16 / w; k++) { u64 v = intlane(w); memcpy(p + k * w, &v, w); }
}

/* A float32 near integer boundaries for conversions. */
static u32 cvt32(void) {
  switch (rn(6)) {
  case 0: case 1: return SP32[rn(N32)];
  case 2: { float f = (float)((int)rn(2001) - 1000) / 2.0f; u32 u; memcpy(&u, &f, 4); return u; }
  case 3: return ((u32)(rnd() & 1) << 31) | ((150 + rn(48)) << 23) | ((u32)rnd() & 0x7fffff);
  case 4: return ((u32)(rnd() & 1) << 31) | ((118 + rn(40)) << 23) | ((u32)rnd() & 0x7fffff);
  default: return f32mix();
  }
}
static u64 cvt64(void) {
  switch (rn(6)) {
  case 0: case 1: return SP64[rn(N64)];
  case 2: { double f = (double)((int)rn(2001) - 1000) / 2.0; u64 u; memcpy(&u, &f, 8); return u; }
  case 3: return ((rnd() & 1) << 63) | ((u64)(1052 + rn(40)) << 52) | (rnd() & 0xfffffffffffffull);
  case 4: return ((rnd() & 1) << 63) | ((u64)(1013 + rn(50)) << 52) | (rnd() & 0xfffffffffffffull);
  default: return f64mix();
  }
}

/* A double that lands near float32 boundaries (overflow, denormal, ties) for CVTSD2SS. */
static u64 f64to32(void) {
  switch (rn(4)) {
  case 0: return SP64[rn(N64)];
  case 1: return ((rnd() & 1) << 63) | ((u64)(1023 - 160 + rn(40)) << 52) | (rnd() & 0xfffffffffffffull);
  case 2: return ((rnd() & 1) << 63) | ((u64)(1023 + 120 + rn(10)) << 52) | (rnd() & 0xfffffffffffffull);
  default: return f64mix();
  }
}

static u32 rnd32v(void) {
  if (rn(3) == 0) return SP32[rn(N32)];
  if (rn(2) == 0) { float f = (float)((int)rn(4001) - 2000) / 4.0f; u32 u; memcpy(&u, &f, 4); return u; }
  return ((u32)(rnd() & 1) << 31) | ((110 + rn(50)) << 23) | ((u32)rnd() & 0x7fffff);
}
static u64 rnd64v(void) {
  if (rn(3) == 0) return SP64[rn(N64)];
  if (rn(2) == 0) { double f = (double)((int)rn(4001) - 2000) / 4.0; u64 u; memcpy(&u, &f, 8); return u; }
  return ((rnd() & 1) << 63) | ((u64)(1000 + rn(70)) << 52) | (rnd() & 0xfffffffffffffull);
}

/* Vector count of the random float generators: compares (8 predicates each) get fewer. */
static int limit(const entry_t *e) {
  if (!strncmp(e->key, "cmp", 3)) return 90;
  if (!strncmp(e->key, "comi", 4) || !strncmp(e->key, "ucomi", 5)) return 500;
  if (e->gen == G_F32U || e->gen == G_F64U) return 200;
  return e->gen == G_F32R || e->gen == G_F64R ? 150 : 200;
}

/* The cross product of arithmetic ops covers the first CROSS boundary values of each list. */
#define CROSS 32

/* Fills the inputs of vector number n of an entry; returns 0 when the generator is exhausted. */
static int gen(const entry_t *e, int n, ctx_t *c) {
  if (e->mem && n >= 60) return 0; /* memory forms only check the operand path */
  rndbytes(c->d); rndbytes(c->s); rndbytes(c->z); rndbytes(c->m);
  c->g = rnd();
  c->rcx = rnd();
  c->rdx = rnd();
  c->mx = 0x1f80;
  c->fl = (rnd() & 0x8d5) | 2;
  switch (e->gen) {
  case G_F32P: {
    /* The cross product of the boundary values, four pairs per vector, then random pairs. */
    int pairs = CROSS * CROSS, nv = (pairs + 3) / 4;
    c->mx = mxpick();
    if (n < 2 * nv) {
      /* Twice: with varied MXCSR, then default MXCSR with PE already set (the handlers' fast path). */
      for (int k = 0; k < 4; k++) {
        int p = ((n % nv) * 4 + k) % pairs;
        put32(c->d, k, SP32[p / CROSS]); put32(c->s, k, SP32[p % CROSS]);
      }
      if (n >= nv) c->mx = 0x1fa0;
    } else {
      if (n >= 2 * nv + 200) return 0;
      for (int k = 0; k < 4; k++) { put32(c->d, k, f32mix()); put32(c->s, k, f32mix()); }
    }
    return 1;
  }
  case G_F64P: {
    int pairs = CROSS * CROSS, nv = (pairs + 1) / 2;
    c->mx = mxpick();
    if (n < 2 * nv) {
      for (int k = 0; k < 2; k++) {
        int p = ((n % nv) * 2 + k) % pairs;
        put64(c->d, k, SP64[p / CROSS]); put64(c->s, k, SP64[p % CROSS]);
      }
      if (n >= nv) c->mx = 0x1fa0;
    } else {
      if (n >= 2 * nv + 200) return 0;
      for (int k = 0; k < 2; k++) { put64(c->d, k, f64mix()); put64(c->s, k, f64mix()); }
    }
    return 1;
  }
  case G_F32S: case G_F32R: case G_F32U:
    if (n >= limit(e)) return 0;
    for (int k = 0; k < 4; k++) { put32(c->d, k, f32mix()); put32(c->s, k, f32mix()); }
    if (e->gen == G_F32U && n < (int)N32) put32(c->s, 0, SP32[n]);
    if (rn(6) == 0) memcpy(c->s, c->d, 16);  /* equal operands */
    c->mx = mxpick();
    return 1;
  case G_F64S: case G_F64R: case G_F64U:
    if (n >= limit(e)) return 0;
    for (int k = 0; k < 2; k++) { put64(c->d, k, f64mix()); put64(c->s, k, f64mix()); }
    if (e->gen == G_F64U && n < (int)N64) put64(c->s, 0, SP64[n]);
    if (rn(6) == 0) memcpy(c->s, c->d, 16);
    c->mx = mxpick();
    return 1;
  case G_RND32:
    if (n >= 60) return 0;
    for (int k = 0; k < 4; k++) put32(c->s, k, rnd32v());
    c->mx = mxpick();
    return 1;
  case G_RND64:
    if (n >= 60) return 0;
    for (int k = 0; k < 2; k++) put64(c->s, k, rnd64v());
    c->mx = mxpick();
    return 1;
  case G_CVT32:
    if (n >= 300) return 0;
    for (int k = 0; k < 4; k++) put32(c->s, k, cvt32());
    c->mx = mxpick();
    return 1;
  case G_CVT64:
    if (n >= 300) return 0;
    for (int k = 0; k < 2; k++) put64(c->s, k, cvt64());
    c->mx = mxpick();
    return 1;
  case G_F64TO32:
    if (n >= 300) return 0;
    for (int k = 0; k < 2; k++) put64(c->s, k, f64to32());
    c->mx = mxpick();
    return 1;
  case G_GI32: case G_GI64: {
    if (n >= 200) return 0;
    u64 v = e->gen == G_GI64 ? (rn(2) ? I64B[rn(NI64)] : rnd() >> rn(64)) : (u64)(int64_t)(int32_t)intlane(4);
    if (e->gen == G_GI64 && rn(2)) v = -v;
    c->g = v;
    put64(c->s, 0, v);
    c->mx = mxpick();
    return 1;
  }
  case G_I8: case G_I16: case G_I32: case G_I64: {
    if (n >= 64) return 0;
    int w = e->gen == G_I8 ? 1 : e->gen == G_I16 ? 2 : e->gen == G_I32 ? 4 : 8;
    fill_int(c->d, w); fill_int(c->s, w);
    if (rn(8) == 0) memcpy(c->s, c->d, 16);
    if (!strcmp(e->key, "cvtdq2ps") || !strcmp(e->key, "cvtdq2pd")) c->mx = mxpick();
    return 1;
  }
  case G_BITS:
    return n < 24;
  case G_SHIFT: {
    static const u64 cnt[] = {0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, 256, 0x100000001ull,
                              0x8000000000000000ull};
    if (n >= (int)(2 * (sizeof cnt / sizeof cnt[0]))) return 0;
    put64(c->s, 0, cnt[n % (sizeof cnt / sizeof cnt[0])]);
    return 1;
  }
  case G_MASK:
    if (n >= 40) return 0;
    if (n < 8) { memset(c->z, n & 1 ? 0xff : 0, 16); memset(c->d, n & 2 ? 0xff : 0, 16); memset(c->s, n & 4 ? 0xff : 0, 16); }
    if (n >= 8 && n < 16) memcpy(c->s, c->d, 16);
    return 1;
  case G_LDMX: {
    if (n >= 32) return 0;
    u32 v = (u32)rnd() & 0xffff;
    memcpy(c->m, &v, 4);
    return 1;
  }
  case G_STMX:
    if (n >= 16) return 0;
    c->mx = ((u32)rnd() & 0xe07f) | 0x1f80;
    return 1;
  case G_STR: {
    /* Strings over a small alphabet (so that sets, ranges and substrings match), with NULs. */
    static const u8 alpha[] = {0x41, 0x42, 0x43, 0x44, 0x41, 0x42, 0x43, 0x80, 0xff, 0x00};
    static const int64_t lens[] = {0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 100, -1, -3, -8, -9, -16, -17,
                                   0x7fffffff, -0x7fffffffll - 1, 0x100000003ll, -0x100000000ll};
    if (n >= 30) return 0;
    for (int k = 0; k < 16; k++) {
      c->d[k] = rn(12) == 0 ? (u8)rnd() : alpha[rn(sizeof alpha)];
      c->s[k] = rn(12) == 0 ? (u8)rnd() : alpha[rn(sizeof alpha)];
    }
    if (rn(3) == 0) { int at = (int)rn(12); memcpy(c->s + at, c->d, 16 - at); } /* plant a match */
    if (rn(8) == 0) memset(c->d + rn(16), 0, 1);
    c->g = (u64)lens[rn(sizeof lens / sizeof lens[0])];
    c->rdx = (u64)lens[rn(sizeof lens / sizeof lens[0])];
    if (rn(3) == 0) { c->g = rn(17); c->rdx = rn(17); }
    c->rcx = rnd();
    return 1;
  }
  case G_CRC:
    if (n >= 40) return 0;
    c->rcx = rnd();
    if (n < 4) c->rcx = n & 1 ? ~0ull : 0;
    put64(c->s, 0, c->g);
    return 1;
  }
  return 0;
}

static void hex(const u8 *p, int n) { for (int k = 0; k < n; k++) printf("%02x", p[k]); }

static void field(char f, const ctx_t *c, int out) {
  switch (f) {
  case 'd': hex(out ? c->od : c->d, 16); break;
  case 's': hex(c->s, 16); break;
  case 'S': hex(c->os, 16); break;
  case 'z': hex(c->z, 16); break;
  case 'm': hex(c->m, 16); break;
  case 'g': printf("%016llx", (unsigned long long)(out ? c->og : c->g)); break;
  case 'c': printf("%016llx", (unsigned long long)(out ? c->orcx : c->rcx)); break;
  case 'e': printf("%016llx", (unsigned long long)c->rdx); break;
  case 'Z': hex(c->oz, 16); break;
  case 'x': printf("%04x", (out ? c->mxo : c->mx) & 0xffff); break;
  case 'f': printf("%04x", (unsigned)((out ? c->flo : c->fl) & 0x8d5)); break;
  }
}

/* Usage: sse_vectors [seed [rounds]]: other seeds and more rounds give stress sets (not committed). */
int main(int argc, char **argv) {
  static ctx_t c, in;
  int total = 0;
  int rounds = argc > 2 ? atoi(argv[2]) : 1;
  if (argc > 1) rs = strtoull(argv[1], 0, 0) | 1;
  printf("{\"format\":\"see tools/gen/sse_vectors.c\",\"entries\":[\n");
  for (size_t kk = 0; kk < rounds * (sizeof entries / sizeof entries[0]); kk++) {
    size_t k = kk % (sizeof entries / sizeof entries[0]);
    const entry_t *e = &entries[k];
    printf("%s{\"id\":\"%s\",\"n\":\"%s\",\"w\":%d,\"imm\":%d,\"mem\":%d,\"in\":\"%s\",\"out\":\"%s\",\"v\":[",
           kk ? ",\n" : "", e->id, e->key, e->w, e->imm, e->mem, e->in, e->out);
    for (int n = 0;; n++) {
      if (!gen(e, n, &c)) break;
      if (e->mem) memcpy(c.m, c.s, 16);
      in = c;
      e->run(&c);
      printf("%s\"", n ? "," : "");
      for (const char *f = e->in; *f; f++) field(*f, &in, 0);
      putchar('|');
      for (const char *f = e->out; *f; f++) field(*f, &c, 1);
      putchar('"');
      total++;
    }
    printf("],\"bytes\":\"");
    hex((const u8 *)(uintptr_t)c.start, (int)(c.end - c.start));
    printf("\"}");
  }
  printf("\n],\"total\":%d}\n", total);
  fprintf(stderr, "%d vectors\n", total);
  return 0;
}
