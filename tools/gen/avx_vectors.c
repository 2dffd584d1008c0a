/* AVX/AVX2/FMA/F16C test-vector generator (Intel SDM Vol. 1 ch. 14, Vol. 2): runs each VEX
 * instruction form on the host CPU with chosen inputs and MXCSR values and prints, as JSON, the
 * instruction's bytes and, per vector, the inputs and the registers, memory, MXCSR (exception
 * flags) and RFLAGS after it. The test (test/cpu/avx.test.ts) decodes the recorded bytes with our
 * decoder, so the opcode table is checked as well as the handlers.
 * Build and run:  gcc -O1 -mavx2 -mfma -mf16c -mno-red-zone -o /tmp/avxv tools/gen/avx_vectors.c
 *                 /tmp/avxv > test/vectors/avx.json
 * Register roles: ymm2 = destination (ModRM.reg), ymm3 = VEX.vvvv source, ymm1 = ModRM.rm source,
 * ymm0 = is4 / implicit operand; 128(%rdi) = 32-byte-aligned memory operand (128 bytes for
 * gathers, with 128(%rdi) as the base); rax, rcx, rdx = GPR operands.
 * Vector fields, concatenated in the order of the entry's "in"/"out" strings: 0 1 2 3 = ymm0-3
 * (32 bytes in memory order, 64 hex digits); m = 64 bytes of memory at 128(%rdi), M = 128 bytes; a c d = rax,
 * rcx, rdx (16 hex digits, big-endian); x = MXCSR (4 hex digits); f = RFLAGS & 0x8d5 (4). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

typedef struct __attribute__((aligned(64))) {
  u8 y[4][32];  /* 0: ymm0..ymm3 in */
  u8 m[128];    /* 128: memory operand */
  u64 rax;      /* 256 */
  u64 rcx;      /* 264 */
  u64 rdx;      /* 272 */
  u64 fl;       /* 280 */
  u32 mx;       /* 288 */
  u32 mxo;      /* 292 */
  u64 flo;      /* 296 */
  u64 orax;     /* 304 */
  u64 orcx;     /* 312 */
  u64 ordx;     /* 320 */
  u64 start;    /* 328 */
  u64 end;      /* 336 */
  u8 pad[40];   /* 344 */
  u8 oy[4][32]; /* 384: ymm0..ymm3 out */
} ctx_t;

#define PRO                                                                                         \
  "vmovdqu 0(%%rdi),%%ymm0\n\tvmovdqu 32(%%rdi),%%ymm1\n\tvmovdqu 64(%%rdi),%%ymm2\n\t"              \
  "vmovdqu 96(%%rdi),%%ymm3\n\tmov 256(%%rdi),%%rax\n\tmov 264(%%rdi),%%rcx\n\t"                     \
  "mov 272(%%rdi),%%rdx\n\tldmxcsr 288(%%rdi)\n\tpushq 280(%%rdi)\n\tpopfq\n1:\n\t"
#define EPI                                                                                         \
  "\n2:\n\tpushfq\n\tpopq 296(%%rdi)\n\tstmxcsr 292(%%rdi)\n\tvmovdqu %%ymm0,384(%%rdi)\n\t"          \
  "vmovdqu %%ymm1,416(%%rdi)\n\tvmovdqu %%ymm2,448(%%rdi)\n\tvmovdqu %%ymm3,480(%%rdi)\n\t"          \
  "mov %%rax,304(%%rdi)\n\tmov %%rcx,312(%%rdi)\n\tmov %%rdx,320(%%rdi)\n\t"                         \
  "lea 1b(%%rip),%%rcx\n\tmov %%rcx,328(%%rdi)\n\tlea 2b(%%rip),%%rcx\n\tmov %%rcx,336(%%rdi)\n\t"  \
  "movl $0x1f80,288(%%rdi)\n\tldmxcsr 288(%%rdi)\n\tvzeroupper\n\t"

/* Input generators. */
enum {
  G_BITS, G_I8, G_I16, G_I32, G_I64, G_F32, G_F64, G_F32S, G_F64S, G_CVT32, G_CVT64, G_RND32, G_RND64,
  G_CNT, G_VCNT32, G_VCNT64, G_SHUFB, G_MASK32, G_MASK64, G_MASKB, G_HALF, G_F2H, G_GATHER, G_FMA32,
  G_FMA64, G_STR, G_GPR32, G_GPR64, G_F64TO32, G_TEST
};

/* E(id, asm, in, out, generator, vectors, parameter) */
#define I3(n, g, k)                                                                                 \
  E(n##_x, "v" #n " %%xmm1,%%xmm3,%%xmm2", "123", "2", g, k, 0)                                     \
  E(n##_y, "v" #n " %%ymm1,%%ymm3,%%ymm2", "123", "2", g, k, 0)                                     \
  E(n##_my, "v" #n " 128(%%rdi),%%ymm3,%%ymm2", "23m", "2", g, 6, 0)
#define F3(n, g, k)                                                                                 \
  E(n##_x, "v" #n " %%xmm1,%%xmm3,%%xmm2", "123x", "2x", g, k, 0)                                   \
  E(n##_y, "v" #n " %%ymm1,%%ymm3,%%ymm2", "123x", "2x", g, k, 0)                                   \
  E(n##_my, "v" #n " 128(%%rdi),%%ymm3,%%ymm2", "23mx", "2x", g, 8, 0)                              \
  E(n##_mx, "v" #n " 128(%%rdi),%%xmm3,%%xmm2", "23mx", "2x", g, 6, 0)
#define FS(n, g, k)                                                                                 \
  E(n##_x, "v" #n " %%xmm1,%%xmm3,%%xmm2", "123x", "2x", g, k, 0)                                   \
  E(n##_m, "v" #n " 128(%%rdi),%%xmm3,%%xmm2", "23mx", "2x", g, 8, 0)
#define P2(n, g, k, in, out)                                                                        \
  E(n##_x, "v" #n " %%xmm1,%%xmm2", "12" in, "2" out, g, k, 0)                                      \
  E(n##_y, "v" #n " %%ymm1,%%ymm2", "12" in, "2" out, g, k, 0)                                      \
  E(n##_my, "v" #n " 128(%%rdi),%%ymm2", "2m" in, "2" out, g, 6, 0)
#define PW(n, g)                                                                                    \
  E(n##_x, "v" #n " %%xmm1,%%xmm2", "12", "2", g, 4, 0)                                             \
  E(n##_y, "v" #n " %%xmm1,%%ymm2", "12", "2", g, 4, 0)                                             \
  E(n##_my, "v" #n " 128(%%rdi),%%ymm2", "2m", "2", g, 4, 0)
#define I3I(n, i, g, k)                                                                             \
  E(n##_x##i, "v" #n " $" #i ",%%xmm1,%%xmm3,%%xmm2", "123x", "2x", g, k, 0)                        \
  E(n##_y##i, "v" #n " $" #i ",%%ymm1,%%ymm3,%%ymm2", "123x", "2x", g, k, 0)
#define P2I(n, i, g, k)                                                                             \
  E(n##_x##i, "v" #n " $" #i ",%%xmm1,%%xmm2", "12x", "2x", g, k, 0)                                \
  E(n##_y##i, "v" #n " $" #i ",%%ymm1,%%ymm2", "12x", "2x", g, k, 0)
#define SHI(n, i)                                                                                   \
  E(n##_x##i, "v" #n " $" #i ",%%xmm1,%%xmm3", "13", "3", G_BITS, 6, 0)                             \
  E(n##_y##i, "v" #n " $" #i ",%%ymm1,%%ymm3", "13", "3", G_BITS, 6, 0)
#define SHX(n)                                                                                      \
  E(n##_x, "v" #n " %%xmm1,%%xmm3,%%xmm2", "123", "2", G_CNT, 20, 0)                                \
  E(n##_y, "v" #n " %%xmm1,%%ymm3,%%ymm2", "123", "2", G_CNT, 20, 0)                                \
  E(n##_m, "v" #n " 128(%%rdi),%%ymm3,%%ymm2", "23m", "2", G_CNT, 10, 0)
#define CMPP(p)                                                                                     \
  E(cmpps_y##p, "vcmpps $" #p ",%%ymm1,%%ymm3,%%ymm2", "123x", "2x", G_F32, 14, 0)                  \
  E(cmppd_x##p, "vcmppd $" #p ",%%xmm1,%%xmm3,%%xmm2", "123x", "2x", G_F64, 14, 0)                  \
  E(cmpss_x##p, "vcmpss $" #p ",%%xmm1,%%xmm3,%%xmm2", "123x", "2x", G_F32S, 8, 0)                  \
  E(cmpsd_x##p, "vcmpsd $" #p ",%%xmm1,%%xmm3,%%xmm2", "123x", "2x", G_F64S, 8, 0)
#define FMAP(n, g, f)                                                                               \
  E(n##_x, "v" #n " %%xmm1,%%xmm3,%%xmm2", "123x", "2x", g, 40, f)                                  \
  E(n##_y, "v" #n " %%ymm1,%%ymm3,%%ymm2", "123x", "2x", g, 40, f)                                  \
  E(n##_my, "v" #n " 128(%%rdi),%%ymm3,%%ymm2", "23mx", "2x", g, 6, f)
#define FMAS(n, g, f)                                                                               \
  E(n##_x, "v" #n " %%xmm1,%%xmm3,%%xmm2", "123x", "2x", g, 60, f)                                  \
  E(n##_m, "v" #n " 128(%%rdi),%%xmm3,%%xmm2", "23mx", "2x", g, 8, f)
#define FMA3(op, f)                                                                                 \
  FMAP(op##f##ps, G_FMA32, f) FMAP(op##f##pd, G_FMA64, f) FMAS(op##f##ss, G_FMA32, f) FMAS(op##f##sd, G_FMA64, f)
#define FMAAS(op, f) FMAP(op##f##ps, G_FMA32, f) FMAP(op##f##pd, G_FMA64, f)
#define FMAALL(f)                                                                                   \
  FMA3(fmadd, f) FMA3(fmsub, f) FMA3(fnmadd, f) FMA3(fnmsub, f) FMAAS(fmaddsub, f) FMAAS(fmsubadd, f)

#define LIST                                                                                        \
  /* ---- moves ---- */                                                                             \
  E(movups_lx, "vmovups %%xmm1,%%xmm2", "12", "2", G_BITS, 3, 0)                                    \
  E(movups_ly, "vmovups %%ymm1,%%ymm2", "12", "2", G_BITS, 3, 0)                                    \
  E(movups_mx, "vmovups 128(%%rdi),%%xmm2", "2m", "2", G_BITS, 3, 0)                                \
  E(movups_my, "vmovups 128(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                                \
  E(movups_sx, "vmovups %%xmm2,128(%%rdi)", "2m", "m", G_BITS, 3, 0)                                \
  E(movups_sy, "vmovups %%ymm2,128(%%rdi)", "2m", "m", G_BITS, 3, 0)                                \
  E(movups_rx, "%{store%} vmovups %%xmm2,%%xmm1", "12", "1", G_BITS, 3, 0)                            \
  E(movupd_my, "vmovupd 128(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                                \
  E(movupd_sy, "vmovupd %%ymm2,129(%%rdi)", "2m", "m", G_BITS, 3, 0)                                \
  E(movdqu_mx, "vmovdqu 129(%%rdi),%%xmm2", "2m", "2", G_BITS, 3, 0)                                \
  E(movdqu_my, "vmovdqu 130(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                                \
  E(movdqu_sx, "vmovdqu %%xmm2,131(%%rdi)", "2m", "m", G_BITS, 3, 0)                                \
  E(movdqu_ry, "%{store%} vmovdqu %%ymm2,%%ymm1", "12", "1", G_BITS, 3, 0)                            \
  E(movaps_my, "vmovaps 128(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                                \
  E(movaps_sx, "vmovaps %%xmm2,128(%%rdi)", "2m", "m", G_BITS, 3, 0)                                \
  E(movapd_ly, "vmovapd %%ymm1,%%ymm2", "12", "2", G_BITS, 3, 0)                                    \
  E(movdqa_mx, "vmovdqa 144(%%rdi),%%xmm2", "2m", "2", G_BITS, 3, 0)                                \
  E(movdqa_sy, "vmovdqa %%ymm2,128(%%rdi)", "2m", "m", G_BITS, 3, 0)                                \
  E(movdqa_rx, "%{store%} vmovdqa %%xmm2,%%xmm1", "12", "1", G_BITS, 3, 0)                            \
  E(lddqu_y, "vlddqu 133(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                                   \
  E(movntdqa_y, "vmovntdqa 128(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                             \
  E(movntdqa_x, "vmovntdqa 128(%%rdi),%%xmm2", "2m", "2", G_BITS, 3, 0)                             \
  E(movntps_y, "vmovntps %%ymm2,128(%%rdi)", "2m", "m", G_BITS, 3, 0)                               \
  E(movntpd_x, "vmovntpd %%xmm2,128(%%rdi)", "2m", "m", G_BITS, 3, 0)                               \
  E(movntdq_y, "vmovntdq %%ymm2,128(%%rdi)", "2m", "m", G_BITS, 3, 0)                               \
  E(movss_r, "vmovss %%xmm1,%%xmm3,%%xmm2", "123", "2", G_BITS, 4, 0)                               \
  E(movss_rs, "%{store%} vmovss %%xmm1,%%xmm3,%%xmm2", "123", "2", G_BITS, 4, 0)                      \
  E(movss_l, "vmovss 132(%%rdi),%%xmm2", "2m", "2", G_BITS, 4, 0)                                   \
  E(movss_s, "vmovss %%xmm2,132(%%rdi)", "2m", "m", G_BITS, 4, 0)                                   \
  E(movsd_r, "vmovsd %%xmm1,%%xmm3,%%xmm2", "123", "2", G_BITS, 4, 0)                               \
  E(movsd_rs, "%{store%} vmovsd %%xmm1,%%xmm3,%%xmm2", "123", "2", G_BITS, 4, 0)                      \
  E(movsd_l, "vmovsd 136(%%rdi),%%xmm2", "2m", "2", G_BITS, 4, 0)                                   \
  E(movsd_s, "vmovsd %%xmm2,136(%%rdi)", "2m", "m", G_BITS, 4, 0)                                   \
  E(movlps_l, "vmovlps 128(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_BITS, 4, 0)                         \
  E(movlpd_l, "vmovlpd 136(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_BITS, 4, 0)                         \
  E(movhps_l, "vmovhps 128(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_BITS, 4, 0)                         \
  E(movhpd_l, "vmovhpd 140(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_BITS, 4, 0)                         \
  E(movlps_s, "vmovlps %%xmm2,128(%%rdi)", "2m", "m", G_BITS, 4, 0)                                 \
  E(movlpd_s, "vmovlpd %%xmm2,136(%%rdi)", "2m", "m", G_BITS, 4, 0)                                 \
  E(movhps_s, "vmovhps %%xmm2,128(%%rdi)", "2m", "m", G_BITS, 4, 0)                                 \
  E(movhpd_s, "vmovhpd %%xmm2,140(%%rdi)", "2m", "m", G_BITS, 4, 0)                                 \
  E(movhlps, "vmovhlps %%xmm1,%%xmm3,%%xmm2", "123", "2", G_BITS, 4, 0)                             \
  E(movlhps, "vmovlhps %%xmm1,%%xmm3,%%xmm2", "123", "2", G_BITS, 4, 0)                             \
  P2(movsldup, G_BITS, 4, "", "") P2(movshdup, G_BITS, 4, "", "") P2(movddup, G_BITS, 4, "", "")    \
  E(movddup_mx, "vmovddup 136(%%rdi),%%xmm2", "2m", "2", G_BITS, 4, 0)                              \
  E(movd_g2x, "vmovd %%eax,%%xmm2", "2a", "2", G_BITS, 4, 0)                                        \
  E(movq_g2x, "vmovq %%rax,%%xmm2", "2a", "2", G_BITS, 4, 0)                                        \
  E(movd_x2g, "vmovd %%xmm2,%%eax", "2a", "a", G_BITS, 4, 0)                                        \
  E(movq_x2g, "vmovq %%xmm2,%%rax", "2a", "a", G_BITS, 4, 0)                                        \
  E(movd_m2x, "vmovd 132(%%rdi),%%xmm2", "2m", "2", G_BITS, 4, 0)                                   \
  E(movd_x2m, "vmovd %%xmm2,132(%%rdi)", "2m", "m", G_BITS, 4, 0)                                   \
  E(movq_m2x, "vmovq 136(%%rdi),%%xmm2", "2m", "2", G_BITS, 4, 0)                                   \
  E(movq_x2m, "vmovq %%xmm2,136(%%rdi)", "2m", "m", G_BITS, 4, 0)                                   \
  E(movq_xx, "%{load%} vmovq %%xmm1,%%xmm2", "12", "2", G_BITS, 4, 0)                                 \
  E(movq_xxs, "%{store%} vmovq %%xmm1,%%xmm2", "12", "2", G_BITS, 4, 0)                               \
  E(movmskps_x, "vmovmskps %%xmm1,%%eax", "1a", "a", G_F32, 6, 0)                                   \
  E(movmskps_y, "vmovmskps %%ymm1,%%eax", "1a", "a", G_F32, 6, 0)                                   \
  E(movmskpd_x, "vmovmskpd %%xmm1,%%eax", "1a", "a", G_F64, 6, 0)                                   \
  E(movmskpd_y, "vmovmskpd %%ymm1,%%eax", "1a", "a", G_F64, 6, 0)                                   \
  E(pmovmskb_x, "vpmovmskb %%xmm1,%%eax", "1a", "a", G_I8, 6, 0)                                    \
  E(pmovmskb_y, "vpmovmskb %%ymm1,%%eax", "1a", "a", G_I8, 6, 0)                                    \
  E(zeroupper, "vzeroupper", "0123", "0123", G_BITS, 2, 0)                                          \
  E(zeroall, "vzeroall", "0123", "0123", G_BITS, 2, 0)                                              \
  E(broadcastss_mx, "vbroadcastss 132(%%rdi),%%xmm2", "2m", "2", G_BITS, 3, 0)                      \
  E(broadcastss_my, "vbroadcastss 132(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                      \
  E(broadcastss_rx, "vbroadcastss %%xmm1,%%xmm2", "12", "2", G_BITS, 3, 0)                          \
  E(broadcastss_ry, "vbroadcastss %%xmm1,%%ymm2", "12", "2", G_BITS, 3, 0)                          \
  E(broadcastsd_m, "vbroadcastsd 136(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                       \
  E(broadcastsd_r, "vbroadcastsd %%xmm1,%%ymm2", "12", "2", G_BITS, 3, 0)                           \
  E(broadcastf128, "vbroadcastf128 144(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                     \
  E(broadcasti128, "vbroadcasti128 128(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                     \
  E(pbroadcastb_x, "vpbroadcastb %%xmm1,%%xmm2", "12", "2", G_BITS, 3, 0)                           \
  E(pbroadcastb_y, "vpbroadcastb %%xmm1,%%ymm2", "12", "2", G_BITS, 3, 0)                           \
  E(pbroadcastb_m, "vpbroadcastb 131(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                       \
  E(pbroadcastw_x, "vpbroadcastw %%xmm1,%%xmm2", "12", "2", G_BITS, 3, 0)                           \
  E(pbroadcastw_y, "vpbroadcastw %%xmm1,%%ymm2", "12", "2", G_BITS, 3, 0)                           \
  E(pbroadcastw_m, "vpbroadcastw 130(%%rdi),%%xmm2", "2m", "2", G_BITS, 3, 0)                       \
  E(pbroadcastd_x, "vpbroadcastd %%xmm1,%%xmm2", "12", "2", G_BITS, 3, 0)                           \
  E(pbroadcastd_y, "vpbroadcastd %%xmm1,%%ymm2", "12", "2", G_BITS, 3, 0)                           \
  E(pbroadcastd_m, "vpbroadcastd 132(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                       \
  E(pbroadcastq_x, "vpbroadcastq %%xmm1,%%xmm2", "12", "2", G_BITS, 3, 0)                           \
  E(pbroadcastq_y, "vpbroadcastq %%xmm1,%%ymm2", "12", "2", G_BITS, 3, 0)                           \
  E(pbroadcastq_m, "vpbroadcastq 136(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                       \
  E(insertf128_0, "vinsertf128 $0,%%xmm1,%%ymm3,%%ymm2", "123", "2", G_BITS, 3, 0)                  \
  E(insertf128_1, "vinsertf128 $1,%%xmm1,%%ymm3,%%ymm2", "123", "2", G_BITS, 3, 0)                  \
  E(insertf128_m, "vinsertf128 $1,144(%%rdi),%%ymm3,%%ymm2", "23m", "2", G_BITS, 3, 0)              \
  E(inserti128_0, "vinserti128 $0,%%xmm1,%%ymm3,%%ymm2", "123", "2", G_BITS, 3, 0)                  \
  E(inserti128_m, "vinserti128 $1,128(%%rdi),%%ymm3,%%ymm2", "23m", "2", G_BITS, 3, 0)              \
  E(extractf128_0, "vextractf128 $0,%%ymm2,%%xmm1", "12", "1", G_BITS, 3, 0)                        \
  E(extractf128_1, "vextractf128 $1,%%ymm2,%%xmm1", "12", "1", G_BITS, 3, 0)                        \
  E(extractf128_m, "vextractf128 $1,%%ymm2,144(%%rdi)", "2m", "m", G_BITS, 3, 0)                    \
  E(extracti128_1, "vextracti128 $1,%%ymm2,%%xmm1", "12", "1", G_BITS, 3, 0)                        \
  E(extracti128_m, "vextracti128 $0,%%ymm2,128(%%rdi)", "2m", "m", G_BITS, 3, 0)                    \
  E(maskmovps_lx, "vmaskmovps 128(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_MASK32, 8, 0)                \
  E(maskmovps_ly, "vmaskmovps 128(%%rdi),%%ymm3,%%ymm2", "23m", "2", G_MASK32, 8, 0)                \
  E(maskmovpd_ly, "vmaskmovpd 128(%%rdi),%%ymm3,%%ymm2", "23m", "2", G_MASK64, 8, 0)                \
  E(maskmovps_sy, "vmaskmovps %%ymm2,%%ymm3,128(%%rdi)", "23m", "m", G_MASK32, 8, 0)                \
  E(maskmovpd_sx, "vmaskmovpd %%xmm2,%%xmm3,128(%%rdi)", "23m", "m", G_MASK64, 8, 0)                \
  E(pmaskmovd_lx, "vpmaskmovd 128(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_MASK32, 8, 0)                \
  E(pmaskmovq_ly, "vpmaskmovq 128(%%rdi),%%ymm3,%%ymm2", "23m", "2", G_MASK64, 8, 0)                \
  E(pmaskmovd_sy, "vpmaskmovd %%ymm2,%%ymm3,128(%%rdi)", "23m", "m", G_MASK32, 8, 0)                \
  E(pmaskmovq_sx, "vpmaskmovq %%xmm2,%%xmm3,128(%%rdi)", "23m", "m", G_MASK64, 8, 0)                \
  E(pextrb_r, "vpextrb $13,%%xmm2,%%eax", "2a", "a", G_BITS, 3, 0)                                  \
  E(pextrb_m, "vpextrb $5,%%xmm2,131(%%rdi)", "2m", "m", G_BITS, 3, 0)                              \
  E(pextrw_r, "vpextrw $6,%%xmm2,%%eax", "2a", "a", G_BITS, 3, 0)                                   \
  E(pextrw_m, "vpextrw $7,%%xmm2,130(%%rdi)", "2m", "m", G_BITS, 3, 0)                              \
  E(pextrd_r, "vpextrd $2,%%xmm2,%%eax", "2a", "a", G_BITS, 3, 0)                                   \
  E(pextrq_r, "vpextrq $1,%%xmm2,%%rax", "2a", "a", G_BITS, 3, 0)                                   \
  E(pextrq_m, "vpextrq $0,%%xmm2,136(%%rdi)", "2m", "m", G_BITS, 3, 0)                              \
  E(extractps_r, "vextractps $3,%%xmm2,%%eax", "2a", "a", G_BITS, 3, 0)                             \
  E(extractps_m, "vextractps $1,%%xmm2,132(%%rdi)", "2m", "m", G_BITS, 3, 0)                        \
  E(pinsrb_r, "vpinsrb $9,%%eax,%%xmm3,%%xmm2", "23a", "2", G_BITS, 3, 0)                           \
  E(pinsrb_m, "vpinsrb $15,131(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_BITS, 3, 0)                     \
  E(pinsrw_r, "vpinsrw $5,%%eax,%%xmm3,%%xmm2", "23a", "2", G_BITS, 3, 0)                           \
  E(pinsrw_m, "vpinsrw $0,130(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_BITS, 3, 0)                      \
  E(pinsrd_r, "vpinsrd $3,%%eax,%%xmm3,%%xmm2", "23a", "2", G_BITS, 3, 0)                           \
  E(pinsrq_r, "vpinsrq $1,%%rax,%%xmm3,%%xmm2", "23a", "2", G_BITS, 3, 0)                           \
  E(pinsrq_m, "vpinsrq $0,136(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_BITS, 3, 0)                      \
  E(insertps_r1, "vinsertps $0x1d,%%xmm1,%%xmm3,%%xmm2", "123", "2", G_BITS, 3, 0)                  \
  E(insertps_r2, "vinsertps $0xe2,%%xmm1,%%xmm3,%%xmm2", "123", "2", G_BITS, 3, 0)                  \
  E(insertps_m, "vinsertps $0x30,132(%%rdi),%%xmm3,%%xmm2", "23m", "2", G_BITS, 3, 0)               \
  E(stmxcsr, "vstmxcsr 132(%%rdi)", "mx", "m", G_BITS, 3, 0)                                        \
  /* ---- logic and integer ---- */                                                                \
  I3(pand, G_BITS, 4) I3(pandn, G_BITS, 4) I3(por, G_BITS, 4) I3(pxor, G_BITS, 4)                   \
  I3(andps, G_BITS, 3) I3(andnpd, G_BITS, 3) I3(orpd, G_BITS, 3) I3(xorps, G_BITS, 3)               \
  I3(paddb, G_I8, 10) I3(paddw, G_I16, 10) I3(paddd, G_I32, 10) I3(paddq, G_I64, 10)                \
  I3(psubb, G_I8, 10) I3(psubw, G_I16, 10) I3(psubd, G_I32, 10) I3(psubq, G_I64, 10)                \
  I3(paddsb, G_I8, 10) I3(paddsw, G_I16, 10) I3(paddusb, G_I8, 10) I3(paddusw, G_I16, 10)           \
  I3(psubsb, G_I8, 10) I3(psubsw, G_I16, 10) I3(psubusb, G_I8, 10) I3(psubusw, G_I16, 10)           \
  I3(pcmpeqb, G_I8, 10) I3(pcmpeqw, G_I16, 10) I3(pcmpeqd, G_I32, 10) I3(pcmpeqq, G_I64, 10)        \
  I3(pcmpgtb, G_I8, 10) I3(pcmpgtw, G_I16, 10) I3(pcmpgtd, G_I32, 10) I3(pcmpgtq, G_I64, 10)        \
  I3(pminub, G_I8, 10) I3(pmaxub, G_I8, 10) I3(pminsb, G_I8, 10) I3(pmaxsb, G_I8, 10)               \
  I3(pminuw, G_I16, 10) I3(pmaxuw, G_I16, 10) I3(pminsw, G_I16, 10) I3(pmaxsw, G_I16, 10)           \
  I3(pminud, G_I32, 10) I3(pmaxud, G_I32, 10) I3(pminsd, G_I32, 10) I3(pmaxsd, G_I32, 10)           \
  I3(pavgb, G_I8, 10) I3(pavgw, G_I16, 10) I3(pmullw, G_I16, 10) I3(pmulhw, G_I16, 10)              \
  I3(pmulhuw, G_I16, 10) I3(pmulhrsw, G_I16, 10) I3(pmulld, G_I32, 10) I3(pmuludq, G_I32, 10)       \
  I3(pmuldq, G_I32, 10) I3(pmaddwd, G_I16, 10) I3(pmaddubsw, G_I8, 10) I3(psadbw, G_I8, 10)         \
  I3(psignb, G_I8, 10) I3(psignw, G_I16, 10) I3(psignd, G_I32, 10)                                  \
  I3(phaddw, G_I16, 8) I3(phaddd, G_I32, 8) I3(phaddsw, G_I16, 8) I3(phsubw, G_I16, 8)              \
  I3(phsubd, G_I32, 8) I3(phsubsw, G_I16, 8)                                                        \
  P2(pabsb, G_I8, 8, "", "") P2(pabsw, G_I16, 8, "", "") P2(pabsd, G_I32, 8, "", "")                \
  E(phminposuw_x, "vphminposuw %%xmm1,%%xmm2", "12", "2", G_I16, 10, 0)                             \
  E(mpsadbw_x5, "vmpsadbw $5,%%xmm1,%%xmm3,%%xmm2", "123", "2", G_I8, 6, 0)                         \
  E(mpsadbw_y2e, "vmpsadbw $0x2e,%%ymm1,%%ymm3,%%ymm2", "123", "2", G_I8, 6, 0)                     \
  E(mpsadbw_y39, "vmpsadbw $0x39,%%ymm1,%%ymm3,%%ymm2", "123", "2", G_I8, 6, 0)                     \
  SHI(psllw, 3) SHI(psllw, 16) SHI(psrlw, 15) SHI(psraw, 9) SHI(psraw, 40)                          \
  SHI(pslld, 1) SHI(pslld, 33) SHI(psrld, 31) SHI(psrad, 7) SHI(psrad, 200)                         \
  SHI(psllq, 5) SHI(psllq, 40) SHI(psllq, 64) SHI(psrlq, 33) SHI(psrlq, 1)                          \
  SHI(pslldq, 3) SHI(pslldq, 17) SHI(psrldq, 5) SHI(psrldq, 15)                                     \
  SHX(psllw) SHX(psrlw) SHX(psraw) SHX(pslld) SHX(psrld) SHX(psrad) SHX(psllq) SHX(psrlq)           \
  I3(psllvd, G_VCNT32, 10) I3(psrlvd, G_VCNT32, 10) I3(psravd, G_VCNT32, 10)                        \
  I3(psllvq, G_VCNT64, 10) I3(psrlvq, G_VCNT64, 10)                                                 \
  /* ---- shuffles, packs, permutes, blends ---- */                                                \
  I3(punpcklbw, G_BITS, 4) I3(punpcklwd, G_BITS, 4) I3(punpckldq, G_BITS, 4)                        \
  I3(punpcklqdq, G_BITS, 4) I3(punpckhbw, G_BITS, 4) I3(punpckhwd, G_BITS, 4)                       \
  I3(punpckhdq, G_BITS, 4) I3(punpckhqdq, G_BITS, 4) I3(unpcklps, G_BITS, 3)                        \
  I3(unpckhps, G_BITS, 3) I3(unpcklpd, G_BITS, 3) I3(unpckhpd, G_BITS, 3)                           \
  I3(packsswb, G_I16, 10) I3(packuswb, G_I16, 10) I3(packssdw, G_I32, 10) I3(packusdw, G_I32, 10)   \
  I3(pshufb, G_SHUFB, 10)                                                                           \
  P2I(pshufd, 0x1b, G_BITS, 3) P2I(pshufd, 0xd2, G_BITS, 3) P2I(pshufhw, 0x6c, G_BITS, 3)           \
  P2I(pshuflw, 0xb1, G_BITS, 3)                                                                     \
  I3I(palignr, 0, G_BITS, 2) I3I(palignr, 5, G_BITS, 3) I3I(palignr, 16, G_BITS, 2)                 \
  I3I(palignr, 21, G_BITS, 2) I3I(palignr, 32, G_BITS, 2)                                           \
  I3I(shufps, 0x4e, G_BITS, 3) I3I(shufps, 0xb3, G_BITS, 3) I3I(shufpd, 5, G_BITS, 3)               \
  I3I(shufpd, 0xa, G_BITS, 3) I3I(blendps, 0xa5, G_BITS, 3) I3I(blendpd, 0x9, G_BITS, 3)            \
  I3I(pblendw, 0x3c, G_BITS, 3) I3I(pblendd, 0x96, G_BITS, 3)                                       \
  E(blendvps_x, "vblendvps %%xmm0,%%xmm1,%%xmm3,%%xmm2", "0123", "2", G_MASK32, 6, 0)               \
  E(blendvps_y, "vblendvps %%ymm0,%%ymm1,%%ymm3,%%ymm2", "0123", "2", G_MASK32, 6, 0)               \
  E(blendvpd_y, "vblendvpd %%ymm0,%%ymm1,%%ymm3,%%ymm2", "0123", "2", G_MASK64, 6, 0)               \
  E(blendvpd_m, "vblendvpd %%xmm0,128(%%rdi),%%xmm3,%%xmm2", "023m", "2", G_MASK64, 6, 0)           \
  E(pblendvb_x, "vpblendvb %%xmm0,%%xmm1,%%xmm3,%%xmm2", "0123", "2", G_MASKB, 6, 0)                \
  E(pblendvb_y, "vpblendvb %%ymm0,%%ymm1,%%ymm3,%%ymm2", "0123", "2", G_MASKB, 6, 0)                \
  I3(permilps, G_SHUFB, 8) I3(permilpd, G_SHUFB, 8)                                                 \
  P2I(permilps, 0x1b, G_BITS, 3) P2I(permilpd, 0x6, G_BITS, 3)                                      \
  E(perm2f128_31, "vperm2f128 $0x31,%%ymm1,%%ymm3,%%ymm2", "123", "2", G_BITS, 3, 0)                \
  E(perm2f128_82, "vperm2f128 $0x82,%%ymm1,%%ymm3,%%ymm2", "123", "2", G_BITS, 3, 0)                \
  E(perm2f128_m, "vperm2f128 $0x20,128(%%rdi),%%ymm3,%%ymm2", "23m", "2", G_BITS, 3, 0)             \
  E(perm2i128_13, "vperm2i128 $0x13,%%ymm1,%%ymm3,%%ymm2", "123", "2", G_BITS, 3, 0)                \
  E(perm2i128_28, "vperm2i128 $0x28,%%ymm1,%%ymm3,%%ymm2", "123", "2", G_BITS, 3, 0)                \
  E(permq_1b, "vpermq $0x1b,%%ymm1,%%ymm2", "12", "2", G_BITS, 3, 0)                                \
  E(permq_m, "vpermq $0xd8,128(%%rdi),%%ymm2", "2m", "2", G_BITS, 3, 0)                             \
  E(permpd_4e, "vpermpd $0x4e,%%ymm1,%%ymm2", "12", "2", G_BITS, 3, 0)                              \
  E(permd, "vpermd %%ymm1,%%ymm3,%%ymm2", "123", "2", G_SHUFB, 8, 0)                                \
  E(permd_m, "vpermd 128(%%rdi),%%ymm3,%%ymm2", "23m", "2", G_SHUFB, 4, 0)                          \
  E(permps, "vpermps %%ymm1,%%ymm3,%%ymm2", "123", "2", G_SHUFB, 8, 0)                              \
  PW(pmovsxbw, G_I8) PW(pmovsxbd, G_I8) PW(pmovsxbq, G_I8)         \
  PW(pmovsxwd, G_I16) PW(pmovsxwq, G_I16) PW(pmovsxdq, G_I32)      \
  PW(pmovzxbw, G_I8) PW(pmovzxbd, G_I8) PW(pmovzxbq, G_I8)         \
  PW(pmovzxwd, G_I16) PW(pmovzxwq, G_I16) PW(pmovzxdq, G_I32)      \
  E(pmovzxbq_mx, "vpmovzxbq 130(%%rdi),%%xmm2", "2m", "2", G_I8, 4, 0)                              \
  E(pmovsxbd_mx, "vpmovsxbd 132(%%rdi),%%xmm2", "2m", "2", G_I8, 4, 0)                              \
  E(pmovsxwd_mx, "vpmovsxwd 136(%%rdi),%%xmm2", "2m", "2", G_I16, 4, 0)                             \
  P2(ptest, G_TEST, 10, "f", "f") P2(testps, G_TEST, 10, "f", "f") P2(testpd, G_TEST, 10, "f", "f") \
  E(pcmpestri_x, "vpcmpestri $0x0c,%%xmm1,%%xmm2", "12adcf", "cf", G_STR, 16, 0)                    \
  E(pcmpestri_q, "vpcmpestriq $0x44,%%xmm1,%%xmm2", "12adcf", "cf", G_STR, 16, 0)                   \
  E(pcmpestrm_x, "vpcmpestrm $0x4a,%%xmm1,%%xmm2", "012adf", "0f", G_STR, 16, 0)                    \
  E(pcmpistri_x, "vpcmpistri $0x18,%%xmm1,%%xmm2", "12cf", "cf", G_STR, 16, 0)                      \
  E(pcmpistrm_m, "vpcmpistrm $0x40,128(%%rdi),%%xmm2", "02mf", "0f", G_STR, 16, 0)                  \
  /* ---- gathers ---- */                                                                           \
  E(pgatherdd_x, "vpgatherdd %%xmm3,128(%%rdi,%%xmm1,4),%%xmm2", "123M", "23", G_GATHER, 12, 4)     \
  E(pgatherdd_y, "vpgatherdd %%ymm3,128(%%rdi,%%ymm1,4),%%ymm2", "123M", "23", G_GATHER, 12, 4)     \
  E(pgatherdq_x, "vpgatherdq %%xmm3,136(%%rdi,%%xmm1,8),%%xmm2", "123M", "23", G_GATHER, 12, 8)     \
  E(pgatherdq_y, "vpgatherdq %%ymm3,128(%%rdi,%%xmm1,8),%%ymm2", "123M", "23", G_GATHER, 12, 8)     \
  E(pgatherqd_x, "vpgatherqd %%xmm3,128(%%rdi,%%xmm1,4),%%xmm2", "123M", "23", G_GATHER, 12, 4)     \
  E(pgatherqd_y, "vpgatherqd %%xmm3,128(%%rdi,%%ymm1,4),%%xmm2", "123M", "23", G_GATHER, 12, 4)     \
  E(pgatherqq_y, "vpgatherqq %%ymm3,128(%%rdi,%%ymm1,8),%%ymm2", "123M", "23", G_GATHER, 12, 8)     \
  E(gatherdps_y, "vgatherdps %%ymm3,130(%%rdi,%%ymm1,2),%%ymm2", "123M", "23", G_GATHER, 12, 2)     \
  E(gatherdpd_x, "vgatherdpd %%xmm3,128(%%rdi,%%xmm1,1),%%xmm2", "123M", "23", G_GATHER, 12, 1)     \
  E(gatherqps_x, "vgatherqps %%xmm3,128(%%rdi,%%xmm1,4),%%xmm2", "123M", "23", G_GATHER, 12, 4)     \
  E(gatherqpd_y, "vgatherqpd %%ymm3,128(%%rdi,%%ymm1,8),%%ymm2", "123M", "23", G_GATHER, 12, 8)     \
  /* ---- floating point ---- */                                                                    \
  F3(addps, G_F32, 24) F3(subps, G_F32, 24) F3(mulps, G_F32, 24) F3(divps, G_F32, 24)               \
  F3(minps, G_F32, 24) F3(maxps, G_F32, 24) F3(addpd, G_F64, 24) F3(subpd, G_F64, 24)               \
  F3(mulpd, G_F64, 24) F3(divpd, G_F64, 24) F3(minpd, G_F64, 24) F3(maxpd, G_F64, 24)               \
  FS(addss, G_F32S, 16) FS(subss, G_F32S, 16) FS(mulss, G_F32S, 16) FS(divss, G_F32S, 16)           \
  FS(minss, G_F32S, 16) FS(maxss, G_F32S, 16) FS(addsd, G_F64S, 16) FS(subsd, G_F64S, 16)           \
  FS(mulsd, G_F64S, 16) FS(divsd, G_F64S, 16) FS(minsd, G_F64S, 16) FS(maxsd, G_F64S, 16)           \
  P2(sqrtps, G_F32, 16, "x", "x") P2(sqrtpd, G_F64, 16, "x", "x") FS(sqrtss, G_F32S, 16)            \
  FS(sqrtsd, G_F64S, 16) P2(rcpps, G_F32, 16, "x", "x") P2(rsqrtps, G_F32, 16, "x", "x")            \
  FS(rcpss, G_F32S, 12) FS(rsqrtss, G_F32S, 12)                                                     \
  F3(addsubps, G_F32, 12) F3(addsubpd, G_F64, 12) F3(haddps, G_F32, 12) F3(haddpd, G_F64, 12)       \
  F3(hsubps, G_F32, 12) F3(hsubpd, G_F64, 12)                                                       \
  I3I(dpps, 0xff, G_F32, 10) I3I(dpps, 0x7d, G_F32, 10) I3I(dpps, 0x32, G_F32, 10)                  \
  E(dppd_x31, "vdppd $0x31,%%xmm1,%%xmm3,%%xmm2", "123x", "2x", G_F64, 12, 0)                       \
  E(dppd_x33, "vdppd $0x33,%%xmm1,%%xmm3,%%xmm2", "123x", "2x", G_F64, 12, 0)                       \
  P2I(roundps, 0, G_RND32, 12) P2I(roundps, 1, G_RND32, 8) P2I(roundps, 10, G_RND32, 8)             \
  P2I(roundps, 4, G_RND32, 8) P2I(roundpd, 0, G_RND64, 12) P2I(roundpd, 3, G_RND64, 8)              \
  P2I(roundpd, 12, G_RND64, 8)                                                                      \
  E(roundss_1, "vroundss $1,%%xmm1,%%xmm3,%%xmm2", "123x", "2x", G_RND32, 10, 0)                    \
  E(roundss_m, "vroundss $2,132(%%rdi),%%xmm3,%%xmm2", "23mx", "2x", G_RND32, 6, 0)                 \
  E(roundsd_9, "vroundsd $9,%%xmm1,%%xmm3,%%xmm2", "123x", "2x", G_RND64, 10, 0)                    \
  CMPP(0) CMPP(1) CMPP(2) CMPP(3) CMPP(4) CMPP(5) CMPP(6) CMPP(7) CMPP(8) CMPP(9) CMPP(10)          \
  CMPP(11) CMPP(12) CMPP(13) CMPP(14) CMPP(15) CMPP(16) CMPP(17) CMPP(18) CMPP(19) CMPP(20)         \
  CMPP(21) CMPP(22) CMPP(23) CMPP(24) CMPP(25) CMPP(26) CMPP(27) CMPP(28) CMPP(29) CMPP(30)         \
  CMPP(31)                                                                                          \
  E(cmpps_x1, "vcmpps $1,%%xmm1,%%xmm3,%%xmm2", "123x", "2x", G_F32, 8, 0)                          \
  E(cmppd_y13, "vcmppd $13,%%ymm1,%%ymm3,%%ymm2", "123x", "2x", G_F64, 8, 0)                        \
  E(cmppd_m, "vcmppd $17,128(%%rdi),%%ymm3,%%ymm2", "23mx", "2x", G_F64, 6, 0)                      \
  E(cmpss_m, "vcmpss $4,132(%%rdi),%%xmm3,%%xmm2", "23mx", "2x", G_F32S, 6, 0)                      \
  E(comiss, "vcomiss %%xmm1,%%xmm2", "12xf", "xf", G_F32S, 40, 0)                                   \
  E(ucomiss, "vucomiss %%xmm1,%%xmm2", "12xf", "xf", G_F32S, 40, 0)                                 \
  E(comisd, "vcomisd %%xmm1,%%xmm2", "12xf", "xf", G_F64S, 40, 0)                                   \
  E(ucomisd_m, "vucomisd 136(%%rdi),%%xmm2", "2mxf", "xf", G_F64S, 20, 0)                           \
  /* ---- conversions ---- */                                                                       \
  E(cvtsi2ss, "vcvtsi2ss %%eax,%%xmm3,%%xmm2", "23ax", "2x", G_GPR32, 20, 0)                        \
  E(cvtsi2ssq, "vcvtsi2ss %%rax,%%xmm3,%%xmm2", "23ax", "2x", G_GPR64, 20, 0)                       \
  E(cvtsi2sd, "vcvtsi2sd %%eax,%%xmm3,%%xmm2", "23ax", "2x", G_GPR32, 10, 0)                        \
  E(cvtsi2sdq, "vcvtsi2sd %%rax,%%xmm3,%%xmm2", "23ax", "2x", G_GPR64, 20, 0)                       \
  E(cvtsi2sdl_m, "vcvtsi2sdl 132(%%rdi),%%xmm3,%%xmm2", "23mx", "2x", G_GPR32, 8, 0)                \
  E(cvtsi2ssq_m, "vcvtsi2ssq 136(%%rdi),%%xmm3,%%xmm2", "23mx", "2x", G_GPR64, 8, 0)                \
  E(cvtss2si, "vcvtss2si %%xmm1,%%eax", "1ax", "ax", G_CVT32, 20, 0)                                \
  E(cvttss2siq, "vcvttss2si %%xmm1,%%rax", "1ax", "ax", G_CVT32, 20, 0)                             \
  E(cvtsd2siq, "vcvtsd2si %%xmm1,%%rax", "1ax", "ax", G_CVT64, 20, 0)                               \
  E(cvttsd2si_m, "vcvttsd2si 136(%%rdi),%%eax", "max", "ax", G_CVT64, 10, 0)                        \
  FS(cvtss2sd, G_F32S, 16) FS(cvtsd2ss, G_F64TO32, 16)                                              \
  E(cvtps2pd_x, "vcvtps2pd %%xmm1,%%xmm2", "12x", "2x", G_F32, 12, 0)                               \
  E(cvtps2pd_y, "vcvtps2pd %%xmm1,%%ymm2", "12x", "2x", G_F32, 12, 0)                               \
  E(cvtps2pd_m, "vcvtps2pd 144(%%rdi),%%ymm2", "2mx", "2x", G_F32, 6, 0)                            \
  E(cvtpd2ps_x, "vcvtpd2ps %%xmm1,%%xmm2", "12x", "2x", G_F64TO32, 12, 0)                           \
  E(cvtpd2ps_y, "vcvtpd2ps %%ymm1,%%xmm2", "12x", "2x", G_F64TO32, 12, 0)                           \
  E(cvtpd2ps_m, "vcvtpd2psy 128(%%rdi),%%xmm2", "2mx", "2x", G_F64TO32, 6, 0)                       \
  P2(cvtdq2ps, G_I32, 12, "x", "x") P2(cvtps2dq, G_CVT32, 16, "x", "x")                             \
  P2(cvttps2dq, G_CVT32, 16, "x", "x")                                                              \
  E(cvtdq2pd_x, "vcvtdq2pd %%xmm1,%%xmm2", "12", "2", G_I32, 6, 0)                                  \
  E(cvtdq2pd_y, "vcvtdq2pd %%xmm1,%%ymm2", "12", "2", G_I32, 6, 0)                                  \
  E(cvtdq2pd_m, "vcvtdq2pd 136(%%rdi),%%xmm2", "2m", "2", G_I32, 4, 0)                              \
  E(cvtpd2dq_x, "vcvtpd2dq %%xmm1,%%xmm2", "12x", "2x", G_CVT64, 16, 0)                             \
  E(cvtpd2dq_y, "vcvtpd2dq %%ymm1,%%xmm2", "12x", "2x", G_CVT64, 16, 0)                             \
  E(cvttpd2dq_y, "vcvttpd2dq %%ymm1,%%xmm2", "12x", "2x", G_CVT64, 16, 0)                           \
  E(cvttpd2dq_m, "vcvttpd2dqx 128(%%rdi),%%xmm2", "2mx", "2x", G_CVT64, 6, 0)                       \
  E(cvtph2ps_x, "vcvtph2ps %%xmm1,%%xmm2", "12x", "2x", G_HALF, 30, 0)                              \
  E(cvtph2ps_y, "vcvtph2ps %%xmm1,%%ymm2", "12x", "2x", G_HALF, 30, 0)                              \
  E(cvtph2ps_m, "vcvtph2ps 136(%%rdi),%%xmm2", "2mx", "2x", G_HALF, 6, 0)                           \
  E(cvtps2ph_x0, "vcvtps2ph $0,%%xmm2,%%xmm1", "12x", "1x", G_F2H, 40, 0)                           \
  E(cvtps2ph_y1, "vcvtps2ph $1,%%ymm2,%%xmm1", "12x", "1x", G_F2H, 40, 0)                           \
  E(cvtps2ph_y2, "vcvtps2ph $2,%%ymm2,%%xmm1", "12x", "1x", G_F2H, 40, 0)                           \
  E(cvtps2ph_x3, "vcvtps2ph $3,%%xmm2,%%xmm1", "12x", "1x", G_F2H, 40, 0)                           \
  E(cvtps2ph_y4, "vcvtps2ph $4,%%ymm2,%%xmm1", "12x", "1x", G_F2H, 40, 0)                           \
  E(cvtps2ph_m, "vcvtps2ph $0,%%ymm2,144(%%rdi)", "2mx", "mx", G_F2H, 8, 0)                         \
  E(cvtps2ph_mx, "vcvtps2ph $4,%%xmm2,136(%%rdi)", "2mx", "mx", G_F2H, 8, 0)                        \
  /* ---- FMA ---- */                                                                               \
  FMAALL(132) FMAALL(213) FMAALL(231)

#define E(id, insn, in, out, gen, nv, par)                                                          \
  static void run_##id(ctx_t *c) {                                                                  \
    __asm__ volatile(PRO insn EPI : : "D"(c) : "rax", "rcx", "rdx", "xmm0", "xmm1", "xmm2", "xmm3", \
                     "memory", "cc");                                                               \
  }
LIST
#undef E

typedef struct {
  const char *id;
  void (*run)(ctx_t *);
  const char *in, *out;
  int gen, nv, par;
} entry_t;

#define E(id, insn, in, out, gen, nv, par) {#id, run_##id, in, out, gen, nv, par},
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
  0x3f000000, 0x3effffff, 0x00800000, 0x80800000, 0x00800001, 0x7f7fffff, 0xff7fffff, 0x7f000000,
  0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00400000, 0x7f800000, 0xff800000, 0x7fc00000,
  0xffc00000, 0x7fc12345, 0x7f800001, 0xffa54321, 0x4f000000, 0xcf000000, 0x4effffff, 0x5f000000,
  0xdf000000, 0x1f800000, 0x5f800000, 0x3fc00000, 0xc0200000, 0x4b7fffff, 0x0c000000, 0x73000000,
};
#define N32 (sizeof SP32 / sizeof SP32[0])
static const u64 SP64[] = {
  0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
  0x3fefffffffffffffull, 0x3ff0000000000001ull, 0x4008000000000000ull, 0x3fb999999999999aull,
  0x3fe0000000000000ull, 0x0010000000000000ull, 0x8010000000000000ull, 0x0010000000000001ull,
  0x7fefffffffffffffull, 0xffefffffffffffffull, 0x7fe0000000000000ull, 0x0000000000000001ull,
  0x8000000000000001ull, 0x000fffffffffffffull, 0x800fffffffffffffull, 0x0008000000000000ull,
  0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8000000000000ull,
  0x7ff8000000012345ull, 0x7ff0000000000001ull, 0xfff4000000054321ull, 0x41e0000000000000ull,
  0xc1e0000000000000ull, 0x41dfffffffc00000ull, 0x43e0000000000000ull, 0xc3e0000000000000ull,
  0x1ff0000000000000ull, 0x5ff0000000000000ull, 0x3ff8000000000000ull, 0xc004000000000000ull,
  0x47efffffe0000000ull, 0x3810000000000000ull, 0x36a0000000000000ull, 0x7fdfffffffffffffull,
};
#define N64 (sizeof SP64 / sizeof SP64[0])

static u32 f32cat(int cat) {
  u32 sign = (u32)(rnd() & 1) << 31, man = (u32)rnd() & 0x7fffff;
  switch (cat) {
  case 0: return SP32[rn(N32)];
  case 1: return sign | ((107 + rn(41)) << 23) | man;
  case 2: return sign | ((1 + rn(90)) << 23) | man;
  case 3: return sign | ((170 + rn(85)) << 23) | man;
  case 4: return sign | man;
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
  static const u32 t[] = {0x1f80, 0x1f80, 0x1fa0, 0x1fa0, 0x1fa0, 0x1fa0, 0x3f80, 0x5f80,
                          0x7f80, 0x9f80, 0x1fc0, 0x9fc0, 0x3fa0, 0x7fe0, 0xdf80, 0x5fc0};
  u32 v = t[rn(16)];
  if (rn(8) == 0) v |= (u32)rnd() & 0x3f;
  return v;
}

static void put16(u8 *p, int lane, u16 v) { memcpy(p + 2 * lane, &v, 2); }
static void put32(u8 *p, int lane, u32 v) { memcpy(p + 4 * lane, &v, 4); }
static void put64(u8 *p, int lane, u64 v) { memcpy(p + 8 * lane, &v, 8); }
static u32 get32(const u8 *p, int lane) { u32 v; memcpy(&v, p + 4 * lane, 4); return v; }
static u64 get64(const u8 *p, int lane) { u64 v; memcpy(&v, p + 8 * lane, 8); return v; }

static u64 intlane(int w) {
  u64 mask = w == 8 ? ~0ull : ((1ull << (8 * w)) - 1);
  u64 top = 1ull << (8 * w - 1);
  switch (rn(8)) {
  case 0: return 0;
  case 1: return mask;
  case 2: return top;
  case 3: return top - 1;
  case 4: return rn(5);
  case 5: return (mask - rn(4)) & mask;
  default: return rnd() & mask;
  }
}

static void fill_int(u8 *p, int n, int w) {
  for (int k = 0; k < n / w; k++) { u64 v = intlane(w); memcpy(p + k * w, &v, w); }
}

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

/* Half-precision inputs: specials, denormals, boundaries, random. */
static u16 half(void) {
  static const u16 t[] = {0x0000, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0xfc00, 0x7e00, 0xfe00, 0x7d00, 0xfd55,
                          0x0001, 0x8001, 0x03ff, 0x0400, 0x7bff, 0xfbff, 0x3555, 0x7e01, 0x7c01};
  return rn(3) == 0 ? t[rn(sizeof t / sizeof t[0])] : (u16)rnd();
}

/* Single-precision inputs around the half-precision range (overflow, denormals, ties). */
static u32 f2h(void) {
  u32 s = (u32)(rnd() & 1) << 31;
  switch (rn(6)) {
  case 0: return SP32[rn(N32)];
  case 1: return s | ((127 - 30 + rn(50)) << 23) | ((u32)rnd() & 0x7fffff);
  case 2: return s | ((127 - 26 + rn(45)) << 23) | (((u32)rnd() & 0x7ff) << 12) | (rn(2) << 12) | (rn(4) == 0 ? 0 : ((u32)rnd() & 0xfff)); /* ties */
  case 3: return s | ((127 + 14 + rn(3)) << 23) | ((u32)rnd() & 0x7fffff); /* near 65504 */
  case 4: return s | ((127 - 25 + rn(12)) << 23) | ((u32)rnd() & 0x7fffff); /* half denormals */
  default: return f32mix();
  }
}

/* FMA lanes: a (multiplicand), b (multiplier) and c (addend) of one element, as bits. */
static void fma32lane(u32 *a, u32 *b, u32 *c) {
  switch (rn(10)) {
  case 0: case 1: *a = f32mix(); *b = f32mix(); *c = f32mix(); return;
  case 2: case 3: case 4: { /* near cancellation: c ≈ -(a*b) */
    *a = f32cat(1); *b = f32cat(1);
    float fa, fb; memcpy(&fa, a, 4); memcpy(&fb, b, 4);
    float p = fa * fb; u32 pb; memcpy(&pb, &p, 4);
    pb ^= 0x80000000u; pb += (u32)((int)rn(5) - 2);
    *c = pb;
    return;
  }
  case 5: { /* products around the underflow threshold */
    *a = ((u32)(rnd() & 1) << 31) | ((20 + rn(60)) << 23) | ((u32)rnd() & 0x7fffff);
    *b = ((u32)(rnd() & 1) << 31) | ((20 + rn(60)) << 23) | ((u32)rnd() & 0x7fffff);
    *c = rn(2) ? f32cat(4) : ((u32)(rnd() & 1) << 31) | (rn(4) << 23) | ((u32)rnd() & 0x7fffff);
    return;
  }
  case 6: /* overflow */
    *a = f32cat(3); *b = f32cat(3); *c = rn(2) ? f32cat(3) : f32mix();
    return;
  case 7: { /* ties: small integers times halves */
    float fa = (float)(int)(rn(1 << 12) + 1), fb = (float)(int)(rn(1 << 12) + 1) / 8.0f;
    float fc = (float)(int)rn(1 << 24) * (rn(2) ? 1.0f : -1.0f);
    memcpy(a, &fa, 4); memcpy(b, &fb, 4); memcpy(c, &fc, 4);
    return;
  }
  default: *a = f32cat(1); *b = f32cat(1); *c = f32cat(1 + rn(2)); return;
  }
}

static void fma64lane(u64 *a, u64 *b, u64 *c) {
  switch (rn(10)) {
  case 0: case 1: *a = f64mix(); *b = f64mix(); *c = f64mix(); return;
  case 2: case 3: case 4: {
    *a = f64cat(1); *b = f64cat(1);
    double fa, fb; memcpy(&fa, a, 8); memcpy(&fb, b, 8);
    double p = fa * fb; u64 pb; memcpy(&pb, &p, 8);
    pb ^= 0x8000000000000000ull; pb += (u64)((int64_t)rn(5) - 2);
    *c = pb;
    return;
  }
  case 5:
    *a = ((rnd() & 1) << 63) | ((u64)(200 + rn(400)) << 52) | (rnd() & 0xfffffffffffffull);
    *b = ((rnd() & 1) << 63) | ((u64)(200 + rn(400)) << 52) | (rnd() & 0xfffffffffffffull);
    *c = rn(2) ? f64cat(4) : ((rnd() & 1) << 63) | ((u64)rn(4) << 52) | (rnd() & 0xfffffffffffffull);
    return;
  case 6:
    *a = f64cat(3); *b = f64cat(3); *c = rn(2) ? f64cat(3) : f64mix();
    return;
  case 7: {
    double fa = (double)(int64_t)(rnd() >> 38) + 1, fb = (double)(int64_t)(rnd() >> 38) / 8.0 + 1;
    double fc = (double)(int64_t)(rnd() >> 11) * (rn(2) ? 1.0 : -1.0);
    memcpy(a, &fa, 8); memcpy(b, &fb, 8); memcpy(c, &fc, 8);
    return;
  }
  default: *a = f64cat(1); *b = f64cat(1); *c = f64cat(1 + rn(2)); return;
  }
}

/* Fills the inputs of vector n of an entry; returns 0 when the entry has enough vectors. */
static int gen(const entry_t *e, int n, ctx_t *c) {
  if (n >= e->nv) return 0;
  for (int r = 0; r < 4; r++) for (int k = 0; k < 32; k++) c->y[r][k] = (u8)rnd();
  for (int k = 0; k < 128; k++) c->m[k] = (u8)rnd();
  c->rax = rnd(); c->rcx = rnd(); c->rdx = rnd();
  c->mx = 0x1f80;
  c->fl = (rnd() & 0x8d5) | 0x202;
  switch (e->gen) {
  case G_BITS:
    if (!strcmp(e->id, "stmxcsr")) c->mx = ((u32)rnd() & 0xe07f) | 0x1f80;
    break;
  case G_I8: case G_I16: case G_I32: case G_I64: {
    int w = e->gen == G_I8 ? 1 : e->gen == G_I16 ? 2 : e->gen == G_I32 ? 4 : 8;
    for (int r = 1; r < 4; r++) fill_int(c->y[r], 32, w);
    fill_int(c->m, 128, w);
    if (rn(6) == 0) memcpy(c->y[1], c->y[3], 32);
    if (!strncmp(e->id, "cvtdq2ps", 8)) c->mx = mxpick();
    break;
  }
  case G_F32: case G_F32S:
    for (int r = 1; r < 4; r++) for (int k = 0; k < 8; k++) put32(c->y[r], k, f32mix());
    for (int k = 0; k < 32; k++) put32(c->m, k, f32mix());
    if (rn(6) == 0) memcpy(c->y[1], c->y[3], 32);
    c->mx = mxpick();
    break;
  case G_F64: case G_F64S:
    for (int r = 1; r < 4; r++) for (int k = 0; k < 4; k++) put64(c->y[r], k, f64mix());
    for (int k = 0; k < 16; k++) put64(c->m, k, f64mix());
    if (rn(6) == 0) memcpy(c->y[1], c->y[3], 32);
    c->mx = mxpick();
    break;
  case G_CVT32: case G_RND32:
    for (int r = 1; r < 4; r++) for (int k = 0; k < 8; k++) put32(c->y[r], k, e->gen == G_CVT32 ? cvt32() : rnd32v());
    for (int k = 0; k < 32; k++) put32(c->m, k, e->gen == G_CVT32 ? cvt32() : rnd32v());
    c->mx = mxpick();
    break;
  case G_CVT64: case G_RND64: case G_F64TO32:
    for (int r = 1; r < 4; r++) for (int k = 0; k < 4; k++) put64(c->y[r], k, e->gen == G_CVT64 ? cvt64() : e->gen == G_RND64 ? rnd64v() : f64to32());
    for (int k = 0; k < 16; k++) put64(c->m, k, e->gen == G_CVT64 ? cvt64() : e->gen == G_RND64 ? rnd64v() : f64to32());
    c->mx = mxpick();
    break;
  case G_CNT: {
    static const u64 cnt[] = {0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, 256, 0x100000001ull, 0x8000000000000000ull};
    u64 v = cnt[n % (sizeof cnt / sizeof cnt[0])];
    put64(c->y[1], 0, v);
    put64(c->m, 0, v);
    break;
  }
  case G_VCNT32:
    for (int k = 0; k < 8; k++) { u32 v = rn(4) == 0 ? (u32)rnd() : rn(40); put32(c->y[1], k, v); put32(c->m, k, v); }
    break;
  case G_VCNT64:
    for (int k = 0; k < 4; k++) { u64 v = rn(4) == 0 ? rnd() >> rn(64) : rn(70); put64(c->y[1], k, v); put64(c->m, k, v); }
    break;
  case G_SHUFB:
    for (int k = 0; k < 32; k++) { u8 v = (u8)rnd(); if (rn(3)) v &= 0x8f; c->y[1][k] = v; c->m[k] = v; }
    break;
  case G_MASK32: case G_MASK64: case G_MASKB:
    /* Random sign bits in the mask registers (ymm3 for masked moves, ymm0 for BLENDV). */
    for (int k = 0; k < 32; k++) {
      if (rn(2)) { c->y[3][k] |= 0x80; c->y[0][k] |= 0x80; } else { c->y[3][k] &= 0x7f; c->y[0][k] &= 0x7f; }
    }
    if (n == 0) { memset(c->y[3], 0, 32); memset(c->y[0], 0, 32); }
    if (n == 1) { memset(c->y[3], 0xff, 32); memset(c->y[0], 0xff, 32); }
    break;
  case G_HALF:
    for (int k = 0; k < 16; k++) { put16(c->y[1], k, half()); put16(c->m, k, half()); }
    c->mx = mxpick();
    break;
  case G_F2H:
    for (int k = 0; k < 8; k++) put32(c->y[2], k, f2h());
    c->mx = mxpick();
    break;
  case G_GATHER: {
    /* Indices that stay inside the 128-byte table at 128(%rdi) for the entry's scale and base. */
    int sc = e->par, lim = (128 - 16) / sc;
    if (strstr(e->id, "gatherq") != NULL) for (int k = 0; k < 4; k++) put64(c->y[1], k, rn(lim));
    else for (int k = 0; k < 8; k++) put32(c->y[1], k, rn(lim));
    for (int k = 0; k < 32; k++) { if (rn(2)) c->y[3][k] |= 0x80; else c->y[3][k] &= 0x7f; }
    if (n == 0) memset(c->y[3], 0xff, 32);
    break;
  }
  case G_FMA32: {
    /* Roles by form (par): 132 a=ymm2 b=ymm1 c=ymm3; 213 a=ymm3 b=ymm2 c=ymm1; 231 a=ymm3 b=ymm1 c=ymm2. */
    u8 *ra = e->par == 132 ? c->y[2] : c->y[3];
    u8 *rb = e->par == 213 ? c->y[2] : c->y[1];
    u8 *rc = e->par == 132 ? c->y[3] : e->par == 213 ? c->y[1] : c->y[2];
    for (int k = 0; k < 8; k++) { u32 a, b, d; fma32lane(&a, &b, &d); put32(ra, k, a); put32(rb, k, b); put32(rc, k, d); }
    memcpy(c->m, c->y[1], 32);
    c->mx = mxpick();
    break;
  }
  case G_FMA64: {
    u8 *ra = e->par == 132 ? c->y[2] : c->y[3];
    u8 *rb = e->par == 213 ? c->y[2] : c->y[1];
    u8 *rc = e->par == 132 ? c->y[3] : e->par == 213 ? c->y[1] : c->y[2];
    for (int k = 0; k < 4; k++) { u64 a, b, d; fma64lane(&a, &b, &d); put64(ra, k, a); put64(rb, k, b); put64(rc, k, d); }
    memcpy(c->m, c->y[1], 32);
    c->mx = mxpick();
    break;
  }
  case G_TEST:
    if (n % 3 == 0) for (int k = 0; k < 32; k++) c->y[1][k] &= ~c->y[2][k];
    if (n % 3 == 1) for (int k = 0; k < 32; k++) c->y[1][k] &= c->y[2][k];
    if (n % 5 == 0) memset(c->y[1], 0, 32);
    memcpy(c->m, c->y[1], 32);
    break;
  case G_STR: {
    static const u8 alpha[] = {0x41, 0x42, 0x43, 0x44, 0x41, 0x42, 0x43, 0x80, 0xff, 0x00};
    static const int64_t lens[] = {0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 100, -1, -3, -8, -9, -16, -17,
                                   0x7fffffff, -0x7fffffffll - 1, 0x100000003ll, -0x100000000ll};
    for (int k = 0; k < 16; k++) {
      c->y[2][k] = rn(12) == 0 ? (u8)rnd() : alpha[rn(sizeof alpha)];
      c->y[1][k] = rn(12) == 0 ? (u8)rnd() : alpha[rn(sizeof alpha)];
    }
    if (rn(3) == 0) { int at = (int)rn(12); memcpy(c->y[1] + at, c->y[2], 16 - at); }
    memcpy(c->m, c->y[1], 16);
    c->rax = (u64)lens[rn(sizeof lens / sizeof lens[0])];
    c->rdx = (u64)lens[rn(sizeof lens / sizeof lens[0])];
    if (rn(3) == 0) { c->rax = rn(17); c->rdx = rn(17); }
    break;
  }
  case G_GPR32: case G_GPR64: {
    static const u64 I64B[] = {0, 1, 0xffffffffffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull,
                               0x00000000ffffffffull, 0x0000000080000000ull, 0x7fffffff, 0x20000000000001ull,
                               0xffdfffffffffffffull, 0x7ffffffffffffe00ull, 0x40000000000003ffull};
    u64 v = e->gen == G_GPR64 ? (rn(2) ? I64B[rn(sizeof I64B / 8)] : rnd() >> rn(64)) : (u64)(int64_t)(int32_t)intlane(4);
    if (e->gen == G_GPR64 && rn(2)) v = -v;
    c->rax = v;
    put64(c->m, 0, v); put64(c->m, 1, v);
    c->mx = mxpick();
    break;
  }
  }
  return 1;
}

static void hex(const u8 *p, int n) { for (int k = 0; k < n; k++) printf("%02x", p[k]); }

static void field(char f, const ctx_t *c, int out) {
  switch (f) {
  case '0': case '1': case '2': case '3': hex(out ? c->oy[f - '0'] : c->y[f - '0'], 32); break;
  case 'm': hex(c->m, 64); break;
  case 'M': hex(c->m, 128); break;
  case 'a': printf("%016llx", (unsigned long long)(out ? c->orax : c->rax)); break;
  case 'c': printf("%016llx", (unsigned long long)(out ? c->orcx : c->rcx)); break;
  case 'd': printf("%016llx", (unsigned long long)(out ? c->ordx : c->rdx)); break;
  case 'x': printf("%04x", (out ? c->mxo : c->mx) & 0xffff); break;
  case 'f': printf("%04x", (unsigned)((out ? c->flo : c->fl) & 0x8d5)); break;
  }
}

/* Usage: avx_vectors [seed [rounds]]: other seeds and more rounds give stress sets (not committed). */
int main(int argc, char **argv) {
  static ctx_t c, in;
  int total = 0;
  int rounds = argc > 2 ? atoi(argv[2]) : 1;
  size_t ne = sizeof entries / sizeof entries[0];
  if (argc > 1) rs = strtoull(argv[1], 0, 0) | 1;
  printf("{\"format\":\"see tools/gen/avx_vectors.c\",\"entries\":[\n");
  int first = 1;
  for (size_t kk = 0; kk < rounds * ne; kk++) {
    const entry_t *e = &entries[kk % ne];
    if (e->nv == 0) continue;
    printf("%s{\"id\":\"%s\",\"in\":\"%s\",\"out\":\"%s\",\"v\":[", first ? "" : ",\n", e->id, e->in, e->out);
    first = 0;
    for (int n = 0;; n++) {
      if (!gen(e, n, &c)) break;
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
