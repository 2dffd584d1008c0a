/* x87 test-vector generator (Intel SDM Vol. 1 ch. 8, Vol. 2 D8-DF opcode maps): runs each
 * x87 instruction on the host CPU with chosen inputs and control words and prints, as JSON,
 * the FNSAVE image after it (FCW, FSW, full tag word, ST0-ST7), RFLAGS and the memory operand.
 * Build and run:  gcc -O1 -mno-red-zone -o /tmp/x87v tools/gen/x87_vectors.c -lm
 *                 /tmp/x87v > test/vectors/x87.json
 * The instruction bytes are emitted verbatim (.byte) so the test replays the same encodings;
 * memory forms address [rdi+0x40]. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct __attribute__((aligned(16))) {
  uint8_t in[4][16];  /* 0: ST0, 16: ST1, 32: ST2, 48: ST3 */
  uint8_t mem[16];    /* 64: memory operand */
  uint16_t cw;        /* 80 */
  uint16_t pad[3];
  uint64_t flags_in;  /* 88: RFLAGS before the instruction */
  uint64_t flags;     /* 96: RFLAGS after */
  uint8_t save[108];  /* 104: FNSAVE image */
  uint8_t pad2[4];
} io_t;

#define L0 ""
#define L1 "fldt 0(%%rdi)\n\t"
#define L2 "fldt 16(%%rdi)\n\t" L1
#define L3 "fldt 32(%%rdi)\n\t" L2
#define RUN(name, nin, bytes)                                                             \
  static void run_##name(io_t *p) {                                                       \
    __asm__ volatile("fninit\n\tfldcw 80(%%rdi)\n\t" L##nin "fnclex\n\t"                 \
                     "pushq 88(%%rdi)\n\tpopfq\n\t.byte " bytes "\n\t"                    \
                     "pushfq\n\tpopq 96(%%rdi)\n\tfnsave 104(%%rdi)\n\t"                  \
                     : : "D"(p) : "memory", "cc", "rax");                                 \
  }

/* name, stack inputs, bytes, generator kind, memory kind */
enum { M_NONE, M_I16, M_I32, M_I64, M_F32, M_F64, M_F80, M_BCD };
enum { G_BIN, G_UN, G_INT, G_ST32, G_ST64, G_LD32, G_LD64, G_LDI16, G_LDI32, G_LDI64, G_NONE,
       G_SQRT, G_SCALE, G_REM, G_F2XM1, G_YL2X, G_YL2XP1, G_TRIG, G_ATAN, G_MI16, G_MI32,
       G_BCD, G_LDBCD, G_CMP, G_LD80 };
#define OPS(X)                                                 \
  X(fadd, 2, "0xd8,0xc1", G_BIN, M_NONE)                       \
  X(fmul, 2, "0xd8,0xc9", G_BIN, M_NONE)                       \
  X(fsub, 2, "0xd8,0xe1", G_BIN, M_NONE)                       \
  X(fsubr, 2, "0xd8,0xe9", G_BIN, M_NONE)                      \
  X(fdiv, 2, "0xd8,0xf1", G_BIN, M_NONE)                       \
  X(fdivr, 2, "0xd8,0xf9", G_BIN, M_NONE)                      \
  X(faddp, 2, "0xde,0xc1", G_BIN, M_NONE)                      \
  X(fsubp, 2, "0xde,0xe9", G_BIN, M_NONE)                      \
  X(fsubrp, 2, "0xde,0xe1", G_BIN, M_NONE)                     \
  X(fdivp, 2, "0xde,0xf9", G_BIN, M_NONE)                      \
  X(fdivrp, 2, "0xde,0xf1", G_BIN, M_NONE)                     \
  X(fmul_st1, 2, "0xdc,0xc9", G_BIN, M_NONE)                   \
  X(fsub_st1, 2, "0xdc,0xe9", G_BIN, M_NONE)                   \
  X(fdiv_st1, 2, "0xdc,0xf9", G_BIN, M_NONE)                   \
  X(fadd_m32, 1, "0xd8,0x47,0x40", G_LD32, M_F32)              \
  X(fsubr_m32, 1, "0xd8,0x6f,0x40", G_LD32, M_F32)             \
  X(fmul_m64, 1, "0xdc,0x4f,0x40", G_LD64, M_F64)              \
  X(fdiv_m64, 1, "0xdc,0x77,0x40", G_LD64, M_F64)              \
  X(fiadd_m16, 1, "0xde,0x47,0x40", G_MI16, M_I16)             \
  X(fisub_m32, 1, "0xda,0x67,0x40", G_MI32, M_I32)             \
  X(fidivr_m32, 1, "0xda,0x7f,0x40", G_MI32, M_I32)            \
  X(fimul_m16, 1, "0xde,0x4f,0x40", G_MI16, M_I16)             \
  X(fcom, 2, "0xd8,0xd1", G_CMP, M_NONE)                       \
  X(fcomp, 2, "0xd8,0xd9", G_CMP, M_NONE)                      \
  X(fcompp, 2, "0xde,0xd9", G_CMP, M_NONE)                     \
  X(fucom, 2, "0xdd,0xe1", G_CMP, M_NONE)                      \
  X(fucompp, 2, "0xda,0xe9", G_CMP, M_NONE)                    \
  X(fcomi, 2, "0xdb,0xf1", G_CMP, M_NONE)                      \
  X(fucomip, 2, "0xdf,0xe9", G_CMP, M_NONE)                    \
  X(fcom_m32, 1, "0xd8,0x57,0x40", G_LD32, M_F32)              \
  X(fcomp_m64, 1, "0xdc,0x5f,0x40", G_LD64, M_F64)             \
  X(ficom_m16, 1, "0xde,0x57,0x40", G_MI16, M_I16)             \
  X(ficomp_m32, 1, "0xda,0x5f,0x40", G_MI32, M_I32)            \
  X(ftst, 1, "0xd9,0xe4", G_UN, M_NONE)                        \
  X(fxam, 1, "0xd9,0xe5", G_UN, M_NONE)                        \
  X(fxam_empty, 1, "0xdd,0xc0,0xd9,0xe5", G_UN, M_NONE)        \
  X(fchs, 1, "0xd9,0xe0", G_UN, M_NONE)                        \
  X(fabs, 1, "0xd9,0xe1", G_UN, M_NONE)                        \
  X(fld_m32, 0, "0xd9,0x47,0x40", G_LD32, M_F32)               \
  X(fld_m64, 0, "0xdd,0x47,0x40", G_LD64, M_F64)               \
  X(fld_m80, 0, "0xdb,0x6f,0x40", G_LD80, M_F80)               \
  X(fild_m16, 0, "0xdf,0x47,0x40", G_LDI16, M_I16)             \
  X(fild_m32, 0, "0xdb,0x47,0x40", G_LDI32, M_I32)             \
  X(fild_m64, 0, "0xdf,0x6f,0x40", G_LDI64, M_I64)             \
  X(fbld, 0, "0xdf,0x67,0x40", G_LDBCD, M_BCD)                 \
  X(fst_m32, 1, "0xd9,0x57,0x40", G_ST32, M_F32)               \
  X(fstp_m32, 1, "0xd9,0x5f,0x40", G_ST32, M_F32)              \
  X(fst_m64, 1, "0xdd,0x57,0x40", G_ST64, M_F64)               \
  X(fstp_m64, 1, "0xdd,0x5f,0x40", G_ST64, M_F64)              \
  X(fstp_m80, 1, "0xdb,0x7f,0x40", G_UN, M_F80)                \
  X(fist_m16, 1, "0xdf,0x57,0x40", G_INT, M_I16)               \
  X(fistp_m16, 1, "0xdf,0x5f,0x40", G_INT, M_I16)              \
  X(fist_m32, 1, "0xdb,0x57,0x40", G_INT, M_I32)               \
  X(fistp_m64, 1, "0xdf,0x7f,0x40", G_INT, M_I64)              \
  X(fisttp_m16, 1, "0xdf,0x4f,0x40", G_INT, M_I16)             \
  X(fisttp_m32, 1, "0xdb,0x4f,0x40", G_INT, M_I32)             \
  X(fisttp_m64, 1, "0xdd,0x4f,0x40", G_INT, M_I64)             \
  X(fbstp, 1, "0xdf,0x77,0x40", G_BCD, M_BCD)                  \
  X(frndint, 1, "0xd9,0xfc", G_INT, M_NONE)                    \
  X(fsqrt, 1, "0xd9,0xfa", G_SQRT, M_NONE)                     \
  X(fscale, 2, "0xd9,0xfd", G_SCALE, M_NONE)                   \
  X(fprem, 2, "0xd9,0xf8", G_REM, M_NONE)                      \
  X(fprem1, 2, "0xd9,0xf5", G_REM, M_NONE)                     \
  X(fxtract, 1, "0xd9,0xf4", G_UN, M_NONE)                     \
  X(f2xm1, 1, "0xd9,0xf0", G_F2XM1, M_NONE)                    \
  X(fyl2x, 2, "0xd9,0xf1", G_YL2X, M_NONE)                     \
  X(fyl2xp1, 2, "0xd9,0xf9", G_YL2XP1, M_NONE)                 \
  X(fptan, 1, "0xd9,0xf2", G_TRIG, M_NONE)                     \
  X(fpatan, 2, "0xd9,0xf3", G_ATAN, M_NONE)                    \
  X(fsin, 1, "0xd9,0xfe", G_TRIG, M_NONE)                      \
  X(fcos, 1, "0xd9,0xff", G_TRIG, M_NONE)                      \
  X(fsincos, 1, "0xd9,0xfb", G_TRIG, M_NONE)                   \
  X(fld1, 0, "0xd9,0xe8", G_NONE, M_NONE)                      \
  X(fldl2t, 0, "0xd9,0xe9", G_NONE, M_NONE)                    \
  X(fldl2e, 0, "0xd9,0xea", G_NONE, M_NONE)                    \
  X(fldpi, 0, "0xd9,0xeb", G_NONE, M_NONE)                     \
  X(fldlg2, 0, "0xd9,0xec", G_NONE, M_NONE)                    \
  X(fldln2, 0, "0xd9,0xed", G_NONE, M_NONE)                    \
  X(fldz, 0, "0xd9,0xee", G_NONE, M_NONE)                      \
  X(fxch, 2, "0xd9,0xc9", G_BIN, M_NONE)                       \
  X(fld_st1, 2, "0xd9,0xc1", G_BIN, M_NONE)                    \
  X(fst_st1, 2, "0xdd,0xd1", G_BIN, M_NONE)                    \
  X(fstp_st1, 2, "0xdd,0xd9", G_BIN, M_NONE)                   \
  X(fadd_empty, 1, "0xd8,0xc1", G_UN, M_NONE)                  \
  X(fcmovb, 2, "0xda,0xc1", G_BIN, M_NONE)                     \
  X(fcmovnbe, 2, "0xdb,0xd1", G_BIN, M_NONE)                   \
  X(fcmovu, 2, "0xda,0xd9", G_BIN, M_NONE)

#define DEF(name, nin, bytes, g, m) RUN(name, nin, bytes)
OPS(DEF)

typedef struct { const char *name; int nin; const char *bytes; int gen, mem; void (*fn)(io_t *); int count; } op_t;
#define ROW(name, nin, bytes, g, m) {#name, nin, bytes, g, m, run_##name, 0},
static op_t ops[] = { OPS(ROW) };

static uint64_t rs = 0x9E3779B97F4A7C15ULL;
static uint64_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }
static unsigned rn(unsigned n) { return (unsigned)(rnd() % n); }

typedef struct { uint64_t m; uint16_t se; } x80;

/* A significand with the integer bit set, biased towards rounding boundaries. */
static uint64_t rsig(void) {
  uint64_t m = rnd();
  int k;
  switch (rn(10)) {
    case 0: case 1: case 2: break;
    case 3: k = rn(64); m &= k ? ~0ULL << k : ~0ULL; break;          /* trailing zeros */
    case 4: m = ~0ULL << rn(64); break;                              /* run of ones */
    case 5: m = (1ULL << rn(64)) | (1ULL << rn(64)); break;         /* few bits */
    case 6: case 7: {                                               /* near halfway at 24/53/64 */
      static const int pos[] = {40, 11, 0, 39, 10};
      int p = pos[rn(5)];
      uint64_t below = p ? (1ULL << p) - 1 : 0;
      if (p == 0) break;
      switch (rn(4)) {
        case 0: m = (m & ~below) | (1ULL << (p - 1)); break;        /* exactly half */
        case 1: m = (m & ~below) | ((1ULL << (p - 1)) - 1); break;  /* just below */
        case 2: m = (m & ~below) | (1ULL << (p - 1)) | 1; break;    /* just above */
        default: m = m | below; break;                              /* all ones */
      }
      break;
    }
    case 8: m = ~0ULL - rn(4); break;
    default: m = 0; break;
  }
  return m | (1ULL << 63);
}

static x80 mk(int sign, int exp, uint64_t m) { x80 r = {m, (uint16_t)((sign << 15) | exp)}; return r; }

/* General value: normals of all sizes, specials, denormals and invalid encodings. */
static x80 gen80(void) {
  int s = rn(2);
  unsigned c = rn(100);
  if (c < 40) return mk(s, 0x3fff + (int)rn(81) - 40, rsig());
  if (c < 50) return mk(s, 1 + rn(0x7ffe), rsig());
  if (c < 54) return mk(s, 0x7ffe - rn(3), rsig());
  if (c < 58) return mk(s, 1 + rn(3), rsig());
  if (c < 63) { uint64_t m = rsig() >> (1 + rn(63)); return mk(s, 0, m ? m : 1); }
  if (c < 67) return mk(s, 0, 0);
  if (c < 71) return mk(s, 0x7fff, 1ULL << 63);
  if (c < 75) return mk(s, 0x7fff, rsig() | (1ULL << 62));                  /* QNaN */
  if (c < 78) { uint64_t m = rsig() & ~(1ULL << 62); return mk(s, 0x7fff, m == (1ULL << 63) ? m | 1 : m); }
  if (c < 79) return mk(1, 0x7fff, 0xC000000000000000ULL);
  if (c < 80) return mk(s, 0, rsig());                                     /* pseudo-denormal */
  if (c < 81) return mk(s, 1 + rn(0x7ffe), rsig() & ~(1ULL << 63));        /* unnormal */
  if (c < 82) return mk(s, 0x7fff, rsig() & ~(1ULL << 63));                /* pseudo-NaN/inf */
  if (c < 92) { int e = rn(66); uint64_t m = rsig(); if (e < 63) m &= ~0ULL << (63 - e); return mk(s, 0x3fff + e, m); }
  return mk(s, 0x3fff + (int)rn(11) - 5, rsig());
}

static int isfin(x80 a) { return (a.se & 0x7fff) != 0x7fff; }

static x80 gen_pair_b(x80 a, int op) {
  unsigned c = rn(100);
  int ea = a.se & 0x7fff;
  if (c < 35 || !isfin(a) || ea == 0) return gen80();
  int s = rn(2);
  if (c < 65) { int e = ea + (int)rn(141) - 70; if (e < 1) e = 1; if (e > 0x7ffe) e = 0x7ffe; return mk(s, e, rsig()); }
  if (c < 75) return mk(s, ea, a.m ^ (rnd() & ((1ULL << rn(64)) - 1)));
  if (c < 80) return mk(s ^ 1, ea, a.m);
  /* product / quotient near the overflow or underflow boundary */
  int target = rn(2) ? (int)rn(70) - 66 : 0x7ffe + (int)rn(5) - 2;
  int e = (op == 1) ? ea - target + 0x3fff : target - ea + 0x3fff;
  if (e < 1) e = 1;
  if (e > 0x7ffe) e = 0x7ffe;
  return mk(s, e, rsig());
}

static x80 gen_int(void) {
  int s = rn(2);
  unsigned c = rn(10);
  if (c < 6) {
    static const int ebits[] = {0, 1, 2, 3, 8, 14, 15, 16, 30, 31, 32, 52, 62, 63, 64};
    int e = ebits[rn(15)] + (int)rn(3) - 1;
    uint64_t m = rsig();
    if (rn(2) && e >= 0 && e < 62) m &= ~0ULL << (62 - e);            /* exact .5 style ties */
    if (rn(4) == 0) m = 1ULL << 63;                                  /* powers of two: limits */
    if (rn(4) == 0 && e >= 0 && e < 63) m = (~0ULL << (63 - e));      /* 2^k - 1 */
    return mk(s, 0x3fff + (e < -1 ? -1 : e), m);
  }
  if (c < 8) return mk(s, 0x3fff - 1 - rn(5), rsig());
  return gen80();
}

static void put80(uint8_t *p, x80 v) { memcpy(p, &v.m, 8); memcpy(p + 8, &v.se, 2); }

static void hex(const uint8_t *p, int n) { putchar('"'); for (int i = n - 1; i >= 0; i--) printf("%02x", p[i]); putchar('"'); }
static void hex80(const uint8_t *p) { hex(p, 10); }

static const int memsize[] = {0, 2, 4, 8, 4, 8, 10, 10};

static uint16_t gen_cw(void) {
  static const int pcs[] = {0, 2, 3, 3, 3};
  return 0x7f | (pcs[rn(5)] << 8) | (rn(4) << 10) | 0x40;
}

static void gen_mem(io_t *io, int g) {
  uint64_t v = rnd();
  switch (g) {
    case G_LD32: case G_LD64: {
      int f32 = g == G_LD32;
      unsigned c = rn(10);
      if (f32) {
        uint32_t x = (uint32_t)v;
        if (c == 0) x = (x & 0x807fffff);                          /* denormal/zero */
        else if (c == 1) x = (x & 0x80000000) | 0x7f800000 | (rn(2) ? 0 : (x & 0x7fffff)); /* inf/nan */
        else if (c < 6) x = (x & 0x807fffff) | ((127 + rn(40) - 20) << 23);
        memcpy(io->mem, &x, 4);
      } else {
        if (c == 0) v &= 0x800fffffffffffffULL;
        else if (c == 1) v = (v & 0x8000000000000000ULL) | 0x7ff0000000000000ULL | (rn(2) ? 0 : (v & 0xfffffffffffffULL));
        else if (c < 6) v = (v & 0x800fffffffffffffULL) | ((uint64_t)(1023 + rn(40) - 20) << 52);
        memcpy(io->mem, &v, 8);
      }
      break;
    }
    case G_LDI16: case G_MI16: { int16_t x = rn(3) ? (int16_t)(v % 2001) - 1000 : (int16_t)v; if (rn(8) == 0) x = rn(2) ? -32768 : 0; memcpy(io->mem, &x, 2); break; }
    case G_LDI32: case G_MI32: { int32_t x = rn(3) ? (int32_t)v >> rn(32) : (int32_t)v; if (rn(8) == 0) x = rn(2) ? INT32_MIN : 0; memcpy(io->mem, &x, 4); break; }
    case G_LDI64: { int64_t x = (int64_t)v >> rn(64); if (rn(8) == 0) x = rn(2) ? INT64_MIN : 0; memcpy(io->mem, &x, 8); break; }
    case G_LD80: { x80 a = gen80(); put80(io->mem, a); break; }
    case G_LDBCD: {
      for (int i = 0; i < 9; i++) io->mem[i] = (uint8_t)((rn(10) << 4) | rn(10));
      if (rn(4) == 0) memset(io->mem, 0, rn(9));
      io->mem[9] = rn(2) ? 0x80 : 0;
      break;
    }
    default: break;
  }
}

static void emit(op_t *o, io_t *io, int first) {
  int n = memsize[o->mem];
  printf("%s[\"%s\",%u,[", first ? "" : ",\n", o->name, io->cw);
  for (int k = 0; k < o->nin; k++) { if (k) putchar(','); hex80(io->in[k]); }
  printf("],");
  if (n) hex(io->mem, n); else printf("\"\"");
  o->fn(io);
  uint16_t sw, tw;
  memcpy(&sw, io->save + 4, 2);
  memcpy(&tw, io->save + 8, 2);
  printf(",%u,%u,[", sw, tw);
  int top = (sw >> 11) & 7, last = -1;
  for (int k = 0; k < 8; k++) if (((tw >> (2 * ((top + k) & 7))) & 3) != 3) last = k;
  for (int k = 0; k <= last; k++) {
    if (k) putchar(',');
    if (((tw >> (2 * ((top + k) & 7))) & 3) == 3) printf("\"\""); else hex80(io->save + 28 + 10 * k);
  }
  printf("],");
  if (n) hex(io->mem, n); else printf("\"\"");
  printf(",%u,%u]", (unsigned)(io->flags_in & 0x8d5), (unsigned)(io->flags & 0x8d5));
}

static int counts(const op_t *o) {
  static const char *const moves[] = {"fxch", "fld_st1", "fst_st1", "fstp_st1", "fcmovb", "fcmovnbe", "fcmovu"};
  for (unsigned k = 0; k < sizeof moves / sizeof moves[0]; k++) if (!strcmp(o->name, moves[k])) return 25;
  switch (o->gen) {
    case G_BIN: return strlen(o->name) <= 5 ? 150 : 60; /* D8 forms and FADDP/FSUBP/FDIVP: 150 */
    case G_NONE: return 12;
    case G_INT: return 120;
    case G_SQRT: case G_SCALE: case G_REM: return 180;
    case G_F2XM1: case G_YL2X: case G_YL2XP1: case G_TRIG: case G_ATAN: return 70;
    case G_CMP: return 50;
    default: return 60;
  }
}

/* printf-like chains (musl fmt_fp): record every intermediate long double. */
static void chains(void) {
  static const double xs[] = {3.14159265358979312, 0.1, 1e300, 2.5e-310, 123456789.0, 1.0 / 3.0, 6.02214076e23};
  printf("],\n\"chains\":[");
  for (int t = 0; t < 7; t++) {
    volatile long double y = xs[t];
    int e2 = 0;
    while (y >= 2.0L) { y = y * 0.5L; e2++; }
    while (y < 1.0L) { y = y * 2.0L; e2--; }
    volatile long double s = 0x1p28L;
    y = y * s;
    printf("%s[", t ? ",\n" : "");
    hex80((const uint8_t *)&y);
    for (int k = 0; k < 8; k++) {
      volatile uint32_t d = (uint32_t)y;
      volatile long double dl = d;
      y = 1000000000.0L * (y - dl);
      printf(",%u,", d);
      hex80((const uint8_t *)&y);
    }
    /* multiply and divide by ten, k times */
    volatile long double z = xs[t];
    for (int k = 0; k < 25; k++) { z = z * 10.0L; putchar(','); hex80((const uint8_t *)&z); }
    for (int k = 0; k < 25; k++) { z = z / 10.0L; putchar(','); hex80((const uint8_t *)&z); }
    printf("]");
  }
  printf("]}\n");
}

int main(void) {
  static io_t io;
  int first = 1;
  int nops = sizeof ops / sizeof ops[0];
  printf("{\"ops\":{");
  for (int i = 0; i < nops; i++)
    printf("%s\"%s\":[%d,\"%s\",%d]", i ? "," : "", ops[i].name, ops[i].nin, ops[i].bytes, ops[i].mem);
  printf("},\n\"v\":[\n");
  for (int i = 0; i < nops; i++) {
    op_t *o = &ops[i];
    int n = counts(o);
    if (o->gen == G_NONE) n = 4;
    for (int t = 0; t < n; t++) {
      memset(&io, 0, sizeof io);
      io.cw = gen_cw();
      if (o->gen == G_NONE) io.cw = 0x37f | (t << 10);
      io.flags_in = 0x202 | (rnd() & 0x8d5);
      x80 a = gen80(), b = gen80();
      switch (o->gen) {
        case G_BIN: case G_CMP: b = gen_pair_b(a, strstr(o->name, "div") ? 2 : 1); if (o->gen == G_CMP && rn(4) == 0) b = a; break;
        case G_INT: case G_BCD: a = gen_int(); break;
        case G_ST32: case G_ST64: {
          int e = o->gen == G_ST32 ? 127 : 1023;
          unsigned c = rn(10);
          if (c < 3) a = mk(rn(2), 0x3fff + e - 1 + rn(4), rsig());
          else if (c < 6) a = mk(rn(2), 0x3fff - e + 2 - rn(o->gen == G_ST32 ? 28 : 57), rsig());
          else if (c < 8) a = mk(rn(2), 0x3fff + rn(20) - 10, rsig());
          break;
        }
        case G_SQRT: if (rn(3)) a.se &= 0x7fff; break;
        case G_SCALE: {
          unsigned c = rn(10);
          int64_t k = c < 5 ? (int64_t)rn(200) - 100 : c < 7 ? (int64_t)rn(40000) - 20000 : c < 8 ? (int64_t)rn(4) * 16383 - 32000 : 0;
          if (c < 8) {
            double d = (double)k + (rn(3) == 0 ? (double)rn(1000) / 1000.0 : 0);
            long double ld = d;
            memcpy(&b.m, &ld, 8); memcpy(&b.se, (uint8_t *)&ld + 8, 2);
          }
          break;
        }
        case G_REM: if (rn(3)) { int ea = a.se & 0x7fff; if (ea > 0 && ea < 0x7fff) { int e = ea - (int)rn(ea < 200 ? ea : 200); if (rn(4) == 0) e = ea - (int)rn(5000); if (e < 1) e = 1; b = mk(rn(2), e, rsig()); } } break;
        case G_F2XM1: if (rn(8)) a = mk(rn(2), 0x3fff - 1 - rn(rn(4) ? 20 : 80), rsig()); if (rn(20) == 0) a = mk(rn(2), 0x3fff, 1ULL << 63); break;
        case G_YL2X: if (rn(6)) { a = mk(rn(8) == 0, 0x3fff + (int)rn(rn(4) ? 10 : 30000) - (rn(4) ? 5 : 15000), rsig()); if (rn(10) == 0) a.m = 1ULL << 63; } if (rn(6)) b = mk(rn(2), 0x3fff + (int)rn(20) - 10, rsig()); break;
        case G_YL2XP1: if (rn(6)) a = mk(rn(2), 0x3fff - 2 - rn(rn(4) ? 10 : 80), rsig()); if (rn(6)) b = mk(rn(2), 0x3fff + (int)rn(20) - 10, rsig()); break;
        case G_TRIG: if (rn(8)) a = mk(rn(2), 0x3fff + (int)rn(rn(4) ? 8 : 70) - (rn(4) ? 4 : 10), rsig()); break;
        case G_ATAN: if (rn(6)) { a = mk(rn(2), 0x3fff + (int)rn(20) - 10, rsig()); b = mk(rn(2), 0x3fff + (int)rn(20) - 10, rsig()); } break;
        default: break;
      }
      put80(io.in[0], a);
      put80(io.in[1], b);
      put80(io.in[2], gen80());
      gen_mem(&io, o->gen);
      emit(o, &io, first);
      first = 0;
    }
  }
  chains();
  return 0;
}
