/* General-purpose integer test-vector generator (Intel SDM Vol. 2A-2D, per instruction; flags per
 * each instruction's "Flags Affected" section and Vol. 1 Appendix A): runs every instruction form
 * below on the host CPU and prints, as JSON, its machine code, inputs, input RFLAGS, outputs,
 * output RFLAGS (or #DE) and the mask of flags (and registers) the SDM leaves undefined.
 * Build and run:  gcc -O1 -o /tmp/int_vectors tools/gen/int_vectors.c
 *                 /tmp/int_vectors > test/vectors/int.json
 * Each form is a small assembly function: it loads rax rcx rdx rbx rsi r8 r9 r10 and RFLAGS from
 * the io block (rdi), runs the instruction text between two labels (the bytes the test replays
 * are read back from between the labels), and stores the registers and RFLAGS back. Memory
 * operands address 136(%rdi); bit-string forms may touch 128..151. Slots the form does not read
 * hold fixed sentinels; the generator checks that slots a form does not list as outputs are
 * unchanged, so the declarations below are verified on every vector. Deterministic (fixed seed). */
#include <cpuid.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

typedef struct {
  uint64_t s[8];   /* 0: rax rcx rdx rbx rsi r8 r9 r10 */
  uint64_t fin;    /* 64: RFLAGS before */
  uint64_t fout;   /* 72: RFLAGS after */
  uint64_t pad[6]; /* 80 */
  uint64_t m[3];   /* 128: memory slots m-8, m (operand at 136), m+8 */
} io_t;

#define NSLOT 11
static const char *SLOT_NAMES[NSLOT] = {"rax", "rcx", "rdx", "rbx", "rsi", "r8", "r9", "r10", "m-8", "m", "m+8"};
/* Slot letters used in the form table: a c d b s 8 9 t (r10) L M H (memory). '^' before a
 * register letter: that operand is its bits 8..15 (AH CH DH BH). */
static const char SLOT_CHARS[NSLOT + 1] = "acdbs89tLMH";
static const uint64_t SENTINEL[NSLOT] = {
    0x5a5a0000a5a50001ull, 0x5a5a0001a5a50002ull, 0x5a5a0002a5a50003ull, 0x5a5a0003a5a50004ull,
    0x5a5a0004a5a50005ull, 0x5a5a0005a5a50006ull, 0x5a5a0006a5a50007ull, 0x5a5a0007a5a50008ull,
    0x3c3c00083c3c0009ull, 0x3c3c00093c3c000aull, 0x3c3c000a3c3c000bull,
};

#define CF 0x1
#define PF 0x4
#define AF 0x10
#define ZF 0x40
#define SF 0x80
#define OF 0x800
#define STATUS (CF | PF | AF | ZF | SF | OF)
/* Mask bit for "output slot k is undefined" (per vector). */
#define UNDEF_OUT(k) (1u << (16 + (k)))

/* Kinds: how inputs are generated and which flags the SDM leaves undefined. */
enum {
  K_ARITH,   /* ADD ADC SUB SBB CMP XADD: all flags defined */
  K_LOGIC,   /* AND OR XOR TEST: AF undefined */
  K_UNARY,   /* INC DEC NEG: defined */
  K_NOFLAG,  /* one structured operand (first input), no flags written */
  K_SHL, K_SHR, K_SAR, K_ROT, K_RC,
  K_SHLD,    /* SHLD/SHRD */
  K_MUL,     /* MUL, IMUL (all forms): SF ZF AF PF undefined */
  K_DIV,     /* DIV: all status flags undefined; may #DE */
  K_IDIV,
  K_BT,      /* BT BTS BTR BTC: OF SF AF PF undefined */
  K_BSF,     /* BSF BSR: only ZF defined; destination undefined for a zero source */
  K_CNT,     /* LZCNT TZCNT: OF SF AF PF undefined */
  K_POPCNT,
  K_CMPF,    /* cmp/test/add + setcc/cmov: pair of compared values; param: 1 = logic (AF) */
  K_FLAGS,   /* every status-flag combination in, registers random (setcc, cmov, lahf) */
  K_SAHF,
  K_CMPXCHG,
  K_ANDN, K_BEXTR, K_BLS, K_BZHI,
  K_PDEP,    /* PDEP PEXT MULX: no flags */
  K_SHIFTX,  /* SARX SHLX SHRX: no flags */
};

/* Feature requirements (CPUID). */
enum { FT_NONE, FT_POPCNT, FT_LZCNT, FT_BMI1, FT_BMI2, FT_LAHF };

/* Parameter bits. */
#define P_CL (-1)     /* shift count in CL (else param is the immediate count) */

typedef struct {
  const char *group, *text, *in, *out;
  int kind, width, param, feat, full;
  void (*run)(io_t *);
  const unsigned char *beg, *end;
} form_t;

/* ---- the form table ------------------------------------------------------------------------ */
/* X(id, group, kind, width, in, out, param, feature, full, "asm text") */

#define O_1(s) s
#define O_0(s) ""

#define ALU(op, K, W)                                                                           \
  X(op##_b, #op " 8", K, 8, "ac", O_##W("a"), 0, 0, 1, #op "b %cl,%al")                        \
  X(op##_bhi1, #op " 8", K, 8, "a^c", O_##W("a"), 0, 0, 0, #op "b %ch,%al")                    \
  X(op##_bhi2, #op " 8", K, 8, "^ba", O_##W("b"), 0, 0, 0, #op "b %al,%bh")                    \
  X(op##_brex, #op " 8", K, 8, "8s", O_##W("8"), 0, 0, 0, #op "b %sil,%r8b")                   \
  X(op##_bload, #op " 8", K, 8, "ac", O_##W("a"), 0, 0, 0, "{load} " #op "b %cl,%al")          \
  X(op##_bacc, #op " 8", K, 8, "a", O_##W("a"), 0x80, 0, 0, #op "b $0x80,%al")                 \
  X(op##_bimm, #op " 8", K, 8, "c", O_##W("c"), 0x7f, 0, 0, #op "b $0x7f,%cl")                 \
  X(op##_bmr, #op " 8", K, 8, "Mc", O_##W("M"), 0, 0, 0, #op "b %cl,136(%rdi)")                \
  X(op##_bmi, #op " 8", K, 8, "M", O_##W("M"), 1, 0, 0, #op "b $1,136(%rdi)")                  \
  X(op##_w, #op " 16", K, 16, "ac", O_##W("a"), 0, 0, 1, #op "w %cx,%ax")                      \
  X(op##_wi8, #op " 16", K, 16, "c", O_##W("c"), -1, 0, 0, #op "w $-1,%cx")                    \
  X(op##_wi16, #op " 16", K, 16, "c", O_##W("c"), 0x8000, 0, 0, #op "w $0x8000,%cx")           \
  X(op##_wacc, #op " 16", K, 16, "a", O_##W("a"), 0x1234, 0, 0, #op "w $0x1234,%ax")           \
  X(op##_wrm, #op " 16", K, 16, "cM", O_##W("c"), 0, 0, 0, #op "w 136(%rdi),%cx")              \
  X(op##_l, #op " 32", K, 32, "ac", O_##W("a"), 0, 0, 1, #op "l %ecx,%eax")                    \
  X(op##_lload, #op " 32", K, 32, "ac", O_##W("a"), 0, 0, 0, "{load} " #op "l %ecx,%eax")      \
  X(op##_lrex, #op " 32", K, 32, "st", O_##W("s"), 0, 0, 0, #op "l %r10d,%esi")                \
  X(op##_li8, #op " 32", K, 32, "c", O_##W("c"), -128, 0, 0, #op "l $-128,%ecx")               \
  X(op##_li32, #op " 32", K, 32, "c", O_##W("c"), 0x80000000, 0, 0, #op "l $0x80000000,%ecx")  \
  X(op##_lacc, #op " 32", K, 32, "a", O_##W("a"), 0x7fffffff, 0, 0, #op "l $0x7fffffff,%eax")  \
  X(op##_lmr, #op " 32", K, 32, "Mc", O_##W("M"), 0, 0, 0, #op "l %ecx,136(%rdi)")             \
  X(op##_lrm, #op " 32", K, 32, "aM", O_##W("a"), 0, 0, 0, #op "l 136(%rdi),%eax")             \
  X(op##_lmi, #op " 32", K, 32, "M", O_##W("M"), 5, 0, 0, #op "l $5,136(%rdi)")                \
  X(op##_q, #op " 64", K, 64, "ac", O_##W("a"), 0, 0, 1, #op "q %rcx,%rax")                    \
  X(op##_qload, #op " 64", K, 64, "ac", O_##W("a"), 0, 0, 0, "{load} " #op "q %rcx,%rax")      \
  X(op##_qrex, #op " 64", K, 64, "89", O_##W("8"), 0, 0, 0, #op "q %r9,%r8")                   \
  X(op##_qi8, #op " 64", K, 64, "c", O_##W("c"), -1, 0, 0, #op "q $-1,%rcx")                   \
  X(op##_qi32, #op " 64", K, 64, "c", O_##W("c"), 0x7fffffff, 0, 0, #op "q $0x7fffffff,%rcx")  \
  X(op##_qacc, #op " 64", K, 64, "a", O_##W("a"), 0, 0, 0, #op "q $-0x80000000,%rax")          \
  X(op##_qmr, #op " 64", K, 64, "Mc", O_##W("M"), 0, 0, 0, #op "q %rcx,136(%rdi)")             \
  X(op##_qrm, #op " 64", K, 64, "aM", O_##W("a"), 0, 0, 0, #op "q 136(%rdi),%rax")             \
  X(op##_qmi8, #op " 64", K, 64, "M", O_##W("M"), 0, 0, 0, #op "q $-2,136(%rdi)")              \
  X(op##_qmi32, #op " 64", K, 64, "M", O_##W("M"), 0, 0, 0, #op "q $0x40000000,136(%rdi)")

#define TESTS                                                                                  \
  X(test_b, "test 8", K_LOGIC, 8, "ac", "", 0, 0, 1, "testb %cl,%al")                          \
  X(test_bhi, "test 8", K_LOGIC, 8, "a^c", "", 0, 0, 0, "testb %ch,%al")                       \
  X(test_bacc, "test 8", K_LOGIC, 8, "a", "", 0, 0, 0, "testb $0x80,%al")                      \
  X(test_bm, "test 8", K_LOGIC, 8, "M", "", 0, 0, 0, "testb $1,136(%rdi)")                     \
  X(test_w, "test 16", K_LOGIC, 16, "ac", "", 0, 0, 1, "testw %cx,%ax")                        \
  X(test_wi, "test 16", K_LOGIC, 16, "c", "", 0, 0, 0, "testw $0x8001,%cx")                    \
  X(test_l, "test 32", K_LOGIC, 32, "ac", "", 0, 0, 1, "testl %ecx,%eax")                      \
  X(test_li, "test 32", K_LOGIC, 32, "c", "", 0, 0, 0, "testl $0x80000000,%ecx")               \
  X(test_lacc, "test 32", K_LOGIC, 32, "a", "", 0, 0, 0, "testl $0x7fffffff,%eax")             \
  X(test_q, "test 64", K_LOGIC, 64, "ac", "", 0, 0, 1, "testq %rcx,%rax")                      \
  X(test_qi, "test 64", K_LOGIC, 64, "c", "", 0, 0, 0, "testq $-2,%rcx")                       \
  X(test_qrex, "test 64", K_LOGIC, 64, "89", "", 0, 0, 0, "testq %r9,%r8")                     \
  X(test_qm, "test 64", K_LOGIC, 64, "Mc", "", 0, 0, 0, "testq %rcx,136(%rdi)")

#define UNOP(op, K)                                                                             \
  X(op##_b, #op " 8", K, 8, "a", "a", 0, 0, 1, #op "b %al")                                     \
  X(op##_bhi, #op " 8", K, 8, "^a", "a", 0, 0, 0, #op "b %ah")                                  \
  X(op##_brex, #op " 8", K, 8, "s", "s", 0, 0, 0, #op "b %sil")                                 \
  X(op##_bm, #op " 8", K, 8, "M", "M", 0, 0, 0, #op "b 136(%rdi)")                              \
  X(op##_w, #op " 16", K, 16, "a", "a", 0, 0, 1, #op "w %ax")                                   \
  X(op##_wm, #op " 16", K, 16, "M", "M", 0, 0, 0, #op "w 136(%rdi)")                            \
  X(op##_l, #op " 32", K, 32, "a", "a", 0, 0, 1, #op "l %eax")                                  \
  X(op##_lrex, #op " 32", K, 32, "t", "t", 0, 0, 0, #op "l %r10d")                              \
  X(op##_lm, #op " 32", K, 32, "M", "M", 0, 0, 0, #op "l 136(%rdi)")                            \
  X(op##_q, #op " 64", K, 64, "a", "a", 0, 0, 1, #op "q %rax")                                  \
  X(op##_qrex, #op " 64", K, 64, "9", "9", 0, 0, 0, #op "q %r9")                                \
  X(op##_qm, #op " 64", K, 64, "M", "M", 0, 0, 0, #op "q 136(%rdi)")                            \
  X(op##_qlock, #op " 64", K, 64, "M", "M", 0, 0, 0, "lock " #op "q 136(%rdi)")

/* Shifts: by CL, by 1, and by immediates (masked counts 0, 1, 2 ... and unmasked 64, 255). */
#define SHIFT_W(op, K, w, sfx, reg)                                                             \
  X(op##_##w##_cl, #op " " #w, K, w, "ac", "a", P_CL, 0, 1, #op #sfx " %cl," reg)               \
  X(op##_##w##_1, #op " " #w, K, w, "a", "a", 1, 0, 0, #op #sfx " " reg)                        \
  X(op##_##w##_0, #op " " #w, K, w, "a", "a", 0, 0, 0, #op #sfx " $0," reg)                     \
  X(op##_##w##_2, #op " " #w, K, w, "a", "a", 2, 0, 0, #op #sfx " $2," reg)                     \
  X(op##_##w##_7, #op " " #w, K, w, "a", "a", 7, 0, 0, #op #sfx " $7," reg)                     \
  X(op##_##w##_8, #op " " #w, K, w, "a", "a", 8, 0, 0, #op #sfx " $8," reg)                     \
  X(op##_##w##_9, #op " " #w, K, w, "a", "a", 9, 0, 0, #op #sfx " $9," reg)                     \
  X(op##_##w##_15, #op " " #w, K, w, "a", "a", 15, 0, 0, #op #sfx " $15," reg)                  \
  X(op##_##w##_16, #op " " #w, K, w, "a", "a", 16, 0, 0, #op #sfx " $16," reg)                  \
  X(op##_##w##_17, #op " " #w, K, w, "a", "a", 17, 0, 0, #op #sfx " $17," reg)                  \
  X(op##_##w##_31, #op " " #w, K, w, "a", "a", 31, 0, 0, #op #sfx " $31," reg)                  \
  X(op##_##w##_32, #op " " #w, K, w, "a", "a", 32, 0, 0, #op #sfx " $32," reg)                  \
  X(op##_##w##_33, #op " " #w, K, w, "a", "a", 33, 0, 0, #op #sfx " $33," reg)                  \
  X(op##_##w##_63, #op " " #w, K, w, "a", "a", 63, 0, 0, #op #sfx " $63," reg)                  \
  X(op##_##w##_64, #op " " #w, K, w, "a", "a", 64, 0, 0, #op #sfx " $64," reg)                  \
  X(op##_##w##_255, #op " " #w, K, w, "a", "a", 255, 0, 0, #op #sfx " $255," reg)
#define SHIFT(op, K)                                                                            \
  SHIFT_W(op, K, 8, b, "%al") SHIFT_W(op, K, 16, w, "%ax") SHIFT_W(op, K, 32, l, "%eax")        \
  SHIFT_W(op, K, 64, q, "%rax")                                                                 \
  X(op##_hi_cl, #op " 8", K, 8, "^ac", "a", P_CL, 0, 0, #op "b %cl,%ah")                        \
  X(op##_rex_3, #op " 8", K, 8, "s", "s", 3, 0, 0, #op "b $3,%sil")                             \
  X(op##_q9_cl, #op " 64", K, 64, "9c", "9", P_CL, 0, 0, #op "q %cl,%r9")                       \
  X(op##_qm_cl, #op " 64", K, 64, "Mc", "M", P_CL, 0, 0, #op "q %cl,136(%rdi)")                 \
  X(op##_lm_5, #op " 32", K, 32, "M", "M", 5, 0, 0, #op "l $5,136(%rdi)")                       \
  X(op##_wm_1, #op " 16", K, 16, "M", "M", 1, 0, 0, #op "w 136(%rdi)")                          \
  X(op##_bm_cl, #op " 8", K, 8, "Mc", "M", P_CL, 0, 0, #op "b %cl,136(%rdi)")

#define SHXD_W(op, w, sfx, rd, rs)                                                              \
  X(op##_##w##_cl, #op " " #w, K_SHLD, w, "abc", "a", P_CL, 0, 1, #op #sfx " %cl," rs "," rd)   \
  X(op##_##w##_0, #op " " #w, K_SHLD, w, "ab", "a", 0, 0, 0, #op #sfx " $0," rs "," rd)         \
  X(op##_##w##_1, #op " " #w, K_SHLD, w, "ab", "a", 1, 0, 0, #op #sfx " $1," rs "," rd)         \
  X(op##_##w##_4, #op " " #w, K_SHLD, w, "ab", "a", 4, 0, 0, #op #sfx " $4," rs "," rd)         \
  X(op##_##w##_15, #op " " #w, K_SHLD, w, "ab", "a", 15, 0, 0, #op #sfx " $15," rs "," rd)      \
  X(op##_##w##_16, #op " " #w, K_SHLD, w, "ab", "a", 16, 0, 0, #op #sfx " $16," rs "," rd)
#define SHXD(op)                                                                                \
  SHXD_W(op, 16, w, "%ax", "%bx") SHXD_W(op, 32, l, "%eax", "%ebx")                             \
  SHXD_W(op, 64, q, "%rax", "%rbx")                                                             \
  X(op##_l_31, #op " 32", K_SHLD, 32, "ab", "a", 31, 0, 0, #op "l $31,%ebx,%eax")               \
  X(op##_l_33, #op " 32", K_SHLD, 32, "ab", "a", 33, 0, 0, #op "l $33,%ebx,%eax")               \
  X(op##_q_33, #op " 64", K_SHLD, 64, "ab", "a", 33, 0, 0, #op "q $33,%rbx,%rax")               \
  X(op##_q_63, #op " 64", K_SHLD, 64, "ab", "a", 63, 0, 0, #op "q $63,%rbx,%rax")               \
  X(op##_q_64, #op " 64", K_SHLD, 64, "ab", "a", 64, 0, 0, #op "q $64,%rbx,%rax")               \
  X(op##_qm_cl, #op " 64", K_SHLD, 64, "Mbc", "M", P_CL, 0, 0, #op "q %cl,%rbx,136(%rdi)")      \
  X(op##_lm_7, #op " 32", K_SHLD, 32, "Mb", "M", 7, 0, 0, #op "l $7,%ebx,136(%rdi)")            \
  X(op##_q98_cl, #op " 64", K_SHLD, 64, "98c", "9", P_CL, 0, 0, #op "q %cl,%r8,%r9")

#define MULOP(op, K)                                                                            \
  X(op##_b, #op " 8", K, 8, "ac", "a", 0, 0, 1, #op "b %cl")                                    \
  X(op##_bhi, #op " 8", K, 8, "a^c", "a", 0, 0, 0, #op "b %ch")                                 \
  X(op##_w, #op " 16", K, 16, "acd", "ad", 0, 0, 1, #op "w %cx")                                \
  X(op##_l, #op " 32", K, 32, "acd", "ad", 0, 0, 1, #op "l %ecx")                               \
  X(op##_lm, #op " 32", K, 32, "aMd", "ad", 0, 0, 0, #op "l 136(%rdi)")                         \
  X(op##_q, #op " 64", K, 64, "acd", "ad", 0, 0, 1, #op "q %rcx")                               \
  X(op##_q9, #op " 64", K, 64, "a9d", "ad", 0, 0, 0, #op "q %r9")                               \
  X(op##_qm, #op " 64", K, 64, "aMd", "ad", 0, 0, 0, #op "q 136(%rdi)")

#define DIVOP(op, K)                                                                            \
  X(op##_b, #op " 8", K, 8, "ac", "a", 0, 0, 1, #op "b %cl")                                    \
  X(op##_bhi, #op " 8", K, 8, "a^b", "a", 0, 0, 0, #op "b %bh")                                 \
  X(op##_bm, #op " 8", K, 8, "aM", "a", 0, 0, 0, #op "b 136(%rdi)")                             \
  X(op##_w, #op " 16", K, 16, "adc", "ad", 0, 0, 1, #op "w %cx")                                \
  X(op##_l, #op " 32", K, 32, "adc", "ad", 0, 0, 1, #op "l %ecx")                               \
  X(op##_lrex, #op " 32", K, 32, "adt", "ad", 0, 0, 0, #op "l %r10d")                           \
  X(op##_q, #op " 64", K, 64, "adc", "ad", 0, 0, 1, #op "q %rcx")                               \
  X(op##_qm, #op " 64", K, 64, "adM", "ad", 0, 0, 0, #op "q 136(%rdi)")

#define IMULN                                                                                   \
  X(imul2_w, "imul 16", K_MUL, 16, "ac", "a", 0, 0, 1, "imulw %cx,%ax")                         \
  X(imul2_l, "imul 32", K_MUL, 32, "ac", "a", 0, 0, 1, "imull %ecx,%eax")                       \
  X(imul2_q, "imul 64", K_MUL, 64, "ac", "a", 0, 0, 1, "imulq %rcx,%rax")                       \
  X(imul2_qrex, "imul 64", K_MUL, 64, "89", "8", 0, 0, 0, "imulq %r9,%r8")                      \
  X(imul2_qm, "imul 64", K_MUL, 64, "aM", "a", 0, 0, 0, "imulq 136(%rdi),%rax")                 \
  X(imul2_lm, "imul 32", K_MUL, 32, "aM", "a", 0, 0, 0, "imull 136(%rdi),%eax")                 \
  X(imul3_w3, "imul 16", K_MUL, 16, "ca", "a", 0, 0, 0, "imulw $3,%cx,%ax")                     \
  X(imul3_wm, "imul 16", K_MUL, 16, "ca", "a", 0, 0, 0, "imulw $-0x8000,%cx,%ax")               \
  X(imul3_l1, "imul 32", K_MUL, 32, "ca", "a", 0, 0, 0, "imull $-1,%ecx,%eax")                  \
  X(imul3_l7f, "imul 32", K_MUL, 32, "ca", "a", 0, 0, 0, "imull $0x7f,%ecx,%eax")               \
  X(imul3_lbig, "imul 32", K_MUL, 32, "ca", "a", 0, 0, 0, "imull $0x12345,%ecx,%eax")           \
  X(imul3_lmin, "imul 32", K_MUL, 32, "ca", "a", 0, 0, 0, "imull $-0x80000000,%ecx,%eax")       \
  X(imul3_q1, "imul 64", K_MUL, 64, "ca", "a", 0, 0, 0, "imulq $-1,%rcx,%rax")                  \
  X(imul3_q80, "imul 64", K_MUL, 64, "ca", "a", 0, 0, 0, "imulq $-128,%rcx,%rax")               \
  X(imul3_q7f, "imul 64", K_MUL, 64, "ca", "a", 0, 0, 0, "imulq $0x7fffffff,%rcx,%rax")         \
  X(imul3_qmin, "imul 64", K_MUL, 64, "ca", "a", 0, 0, 0, "imulq $-0x80000000,%rcx,%rax")       \
  X(imul3_q3, "imul 64", K_MUL, 64, "ca", "a", 0, 0, 0, "imulq $3,%rcx,%rax")                   \
  X(imul3_qm, "imul 64", K_MUL, 64, "Ma", "a", 0, 0, 0, "imulq $10,136(%rdi),%rax")             \
  X(imul3_qrex, "imul 64", K_MUL, 64, "98", "8", 0, 0, 0, "imulq $0x1001,%r9,%r8")

/* BT family: register bit offsets (any value), immediates (masked), memory with register
 * offsets in [-64, 127] (the bit string spans m-8 .. m+15). W: writes the operand. */
#define BTOP(op, W)                                                                             \
  X(op##_w, #op " 16", K_BT, 16, "ac", O_##W("a"), P_CL, 0, 1, #op "w %cx,%ax")                 \
  X(op##_l, #op " 32", K_BT, 32, "ac", O_##W("a"), P_CL, 0, 1, #op "l %ecx,%eax")               \
  X(op##_q, #op " 64", K_BT, 64, "ac", O_##W("a"), P_CL, 0, 1, #op "q %rcx,%rax")               \
  X(op##_qrex, #op " 64", K_BT, 64, "98", O_##W("9"), P_CL, 0, 0, #op "q %r8,%r9")              \
  X(op##_wi, #op " 16", K_BT, 16, "a", O_##W("a"), 13, 0, 0, #op "w $13,%ax")                   \
  X(op##_wi2, #op " 16", K_BT, 16, "a", O_##W("a"), 17, 0, 0, #op "w $17,%ax")                  \
  X(op##_li, #op " 32", K_BT, 32, "a", O_##W("a"), 31, 0, 0, #op "l $31,%eax")                  \
  X(op##_li2, #op " 32", K_BT, 32, "a", O_##W("a"), 45, 0, 0, #op "l $45,%eax")                 \
  X(op##_qi, #op " 64", K_BT, 64, "a", O_##W("a"), 63, 0, 0, #op "q $63,%rax")                  \
  X(op##_qi2, #op " 64", K_BT, 64, "a", O_##W("a"), 200, 0, 0, #op "q $200,%rax")               \
  X(op##_qi3, #op " 64", K_BT, 64, "a", O_##W("a"), 32, 0, 0, #op "q $32,%rax")                 \
  X(op##_wm, #op " 16", K_BT, 16, "McLH", O_##W("LMH"), P_CL, 0, 0, #op "w %cx,136(%rdi)")      \
  X(op##_lm, #op " 32", K_BT, 32, "McLH", O_##W("LMH"), P_CL, 0, 0, #op "l %ecx,136(%rdi)")     \
  X(op##_qm, #op " 64", K_BT, 64, "McLH", O_##W("LMH"), P_CL, 0, 0, #op "q %rcx,136(%rdi)")     \
  X(op##_lmi, #op " 32", K_BT, 32, "M", O_##W("M"), 35, 0, 0, #op "l $35,136(%rdi)")            \
  X(op##_qmi, #op " 64", K_BT, 64, "M", O_##W("M"), 62, 0, 0, #op "q $62,136(%rdi)")

#define SCAN(op, K, F)                                                                          \
  X(op##_w, #op " 16", K, 16, "ca", "a", 0, F, 1, #op "w %cx,%ax")                              \
  X(op##_l, #op " 32", K, 32, "ca", "a", 0, F, 1, #op "l %ecx,%eax")                            \
  X(op##_q, #op " 64", K, 64, "ca", "a", 0, F, 1, #op "q %rcx,%rax")                            \
  X(op##_qrex, #op " 64", K, 64, "98", "8", 0, F, 0, #op "q %r9,%r8")                           \
  X(op##_qm, #op " 64", K, 64, "Ma", "a", 0, F, 0, #op "q 136(%rdi),%rax")                      \
  X(op##_lm, #op " 32", K, 32, "Ma", "a", 0, F, 0, #op "l 136(%rdi),%eax")

#define MOVX                                                                                    \
  X(bswap_l, "bswap 32", K_NOFLAG, 32, "a", "a", 0, 0, 1, "bswap %eax")                         \
  X(bswap_q, "bswap 64", K_NOFLAG, 64, "a", "a", 0, 0, 1, "bswap %rax")                         \
  X(bswap_q9, "bswap 64", K_NOFLAG, 64, "9", "9", 0, 0, 0, "bswap %r9")                         \
  X(bswap_lt, "bswap 32", K_NOFLAG, 32, "t", "t", 0, 0, 0, "bswap %r10d")                       \
  X(movsbw, "movsx 8", K_NOFLAG, 8, "ca", "a", 0, 0, 1, "movsbw %cl,%ax")                       \
  X(movsbl, "movsx 8", K_NOFLAG, 8, "ca", "a", 0, 0, 1, "movsbl %cl,%eax")                      \
  X(movsbq, "movsx 8", K_NOFLAG, 8, "ca", "a", 0, 0, 1, "movsbq %cl,%rax")                      \
  X(movsbl_hi, "movsx 8", K_NOFLAG, 8, "^ca", "a", 0, 0, 0, "movsbl %ch,%eax")                  \
  X(movsbl_rex, "movsx 8", K_NOFLAG, 8, "sa", "a", 0, 0, 0, "movsbl %sil,%eax")                 \
  X(movsbq_m, "movsx 8", K_NOFLAG, 8, "M9", "9", 0, 0, 0, "movsbq 136(%rdi),%r9")               \
  X(movswl, "movsx 16", K_NOFLAG, 16, "ca", "a", 0, 0, 1, "movswl %cx,%eax")                    \
  X(movswq, "movsx 16", K_NOFLAG, 16, "ca", "a", 0, 0, 1, "movswq %cx,%rax")                    \
  X(movsww, "movsx 16", K_NOFLAG, 16, "ca", "a", 0, 0, 0, ".byte 0x66,0x0f,0xbf,0xc1 # movsx %cx,%ax") \
  X(movswq_m, "movsx 16", K_NOFLAG, 16, "Ma", "a", 0, 0, 0, "movswq 136(%rdi),%rax")            \
  X(movslq, "movsxd 32", K_NOFLAG, 32, "ca", "a", 0, 0, 1, "movslq %ecx,%rax")                  \
  X(movslq_rex, "movsxd 32", K_NOFLAG, 32, "t9", "9", 0, 0, 0, "movslq %r10d,%r9")              \
  X(movslq_m, "movsxd 32", K_NOFLAG, 32, "Ma", "a", 0, 0, 0, "movslq 136(%rdi),%rax")           \
  X(movsxd_l, "movsxd 32", K_NOFLAG, 32, "ca", "a", 0, 0, 0, ".byte 0x63,0xc1 # movsxd %ecx,%eax") \
  X(movzbw, "movzx 8", K_NOFLAG, 8, "ca", "a", 0, 0, 1, "movzbw %cl,%ax")                       \
  X(movzbl, "movzx 8", K_NOFLAG, 8, "ca", "a", 0, 0, 1, "movzbl %cl,%eax")                      \
  X(movzbq, "movzx 8", K_NOFLAG, 8, "ca", "a", 0, 0, 1, "movzbq %cl,%rax")                      \
  X(movzbl_hi, "movzx 8", K_NOFLAG, 8, "^ba", "a", 0, 0, 0, "movzbl %bh,%eax")                  \
  X(movzbl_rex, "movzx 8", K_NOFLAG, 8, "sa", "a", 0, 0, 0, "movzbl %sil,%eax")                 \
  X(movzbl_m, "movzx 8", K_NOFLAG, 8, "Ma", "a", 0, 0, 0, "movzbl 136(%rdi),%eax")              \
  X(movzwl, "movzx 16", K_NOFLAG, 16, "ca", "a", 0, 0, 1, "movzwl %cx,%eax")                    \
  X(movzwq, "movzx 16", K_NOFLAG, 16, "ca", "a", 0, 0, 1, "movzwq %cx,%rax")                    \
  X(movzww, "movzx 16", K_NOFLAG, 16, "ca", "a", 0, 0, 0, ".byte 0x66,0x0f,0xb7,0xc1 # movzx %cx,%ax") \
  X(movzwl_m, "movzx 16", K_NOFLAG, 16, "M8", "8", 0, 0, 0, "movzwl 136(%rdi),%r8d")            \
  X(cbtw, "cbw 8", K_NOFLAG, 8, "a", "a", 0, 0, 1, "cbtw")                                      \
  X(cwtl, "cbw 16", K_NOFLAG, 16, "a", "a", 0, 0, 1, "cwtl")                                    \
  X(cltq, "cbw 32", K_NOFLAG, 32, "a", "a", 0, 0, 1, "cltq")                                    \
  X(cwtd, "cwd 16", K_NOFLAG, 16, "ad", "d", 0, 0, 1, "cwtd")                                   \
  X(cltd, "cwd 32", K_NOFLAG, 32, "ad", "d", 0, 0, 1, "cltd")                                   \
  X(cqto, "cwd 64", K_NOFLAG, 64, "ad", "d", 0, 0, 1, "cqto")

#define XCH                                                                                     \
  X(xadd_b, "xadd 8", K_ARITH, 8, "ac", "ac", 0, 0, 1, "xaddb %cl,%al")                         \
  X(xadd_bhi, "xadd 8", K_ARITH, 8, "^ab", "ab", 0, 0, 0, "xaddb %bl,%ah")                      \
  X(xadd_w, "xadd 16", K_ARITH, 16, "ac", "ac", 0, 0, 1, "xaddw %cx,%ax")                       \
  X(xadd_l, "xadd 32", K_ARITH, 32, "ac", "ac", 0, 0, 1, "xaddl %ecx,%eax")                     \
  X(xadd_q, "xadd 64", K_ARITH, 64, "ac", "ac", 0, 0, 1, "xaddq %rcx,%rax")                     \
  X(xadd_same, "xadd 64", K_ARITH, 64, "a", "a", 0, 0, 0, "xaddq %rax,%rax")                    \
  X(xadd_qm, "xadd 64", K_ARITH, 64, "Mc", "Mc", 0, 0, 0, "lock xaddq %rcx,136(%rdi)")          \
  X(xadd_lm, "xadd 32", K_ARITH, 32, "Mc", "Mc", 0, 0, 0, "xaddl %ecx,136(%rdi)")               \
  X(cmpxchg_b, "cmpxchg 8", K_CMPXCHG, 8, "abc", "ab", 0, 0, 1, "cmpxchgb %cl,%bl")             \
  X(cmpxchg_w, "cmpxchg 16", K_CMPXCHG, 16, "abc", "ab", 0, 0, 1, "cmpxchgw %cx,%bx")           \
  X(cmpxchg_l, "cmpxchg 32", K_CMPXCHG, 32, "abc", "ab", 0, 0, 1, "cmpxchgl %ecx,%ebx")         \
  X(cmpxchg_q, "cmpxchg 64", K_CMPXCHG, 64, "abc", "ab", 0, 0, 1, "cmpxchgq %rcx,%rbx")         \
  X(cmpxchg_qm, "cmpxchg 64", K_CMPXCHG, 64, "aMc", "aM", 0, 0, 0, "lock cmpxchgq %rcx,136(%rdi)") \
  X(cmpxchg_lm, "cmpxchg 32", K_CMPXCHG, 32, "aMc", "aM", 0, 0, 0, "cmpxchgl %ecx,136(%rdi)")   \
  X(cmpxchg_bm, "cmpxchg 8", K_CMPXCHG, 8, "aMc", "aM", 0, 0, 0, "cmpxchgb %cl,136(%rdi)")      \
  X(lahf, "lahf", K_FLAGS, 8, "a", "a", 0, FT_LAHF, 1, "lahf")                                  \
  X(sahf, "sahf", K_SAHF, 8, "a", "", 0, FT_LAHF, 1, "sahf")

/* SETcc/CMOVcc after a flag-setting instruction (param 1: the flags come from a logic op). */
#define CCFORMS(cc)                                                                             \
  X(set##cc##_q, "set" #cc, K_CMPF, 64, "acd", "d", 0, 0, 1, "cmpq %rcx,%rax; set" #cc " %dl")  \
  X(set##cc##_l, "set" #cc, K_CMPF, 32, "acd", "d", 0, 0, 1, "cmpl %ecx,%eax; set" #cc " %dl")  \
  X(set##cc##_w, "set" #cc, K_CMPF, 16, "acd", "d", 0, 0, 1, "cmpw %cx,%ax; set" #cc " %dh")    \
  X(set##cc##_b, "set" #cc, K_CMPF, 8, "acs", "s", 0, 0, 1, "cmpb %cl,%al; set" #cc " %sil")    \
  X(set##cc##_tq, "set" #cc, K_CMPF, 64, "acd", "d", 1, 0, 0, "testq %rcx,%rax; set" #cc " %dl") \
  X(set##cc##_tl, "set" #cc, K_CMPF, 32, "acd", "d", 1, 0, 0, "testl %ecx,%eax; set" #cc " %dl") \
  X(set##cc##_tb, "set" #cc, K_CMPF, 8, "acd", "d", 1, 0, 0, "testb %cl,%al; set" #cc " %dl")   \
  X(set##cc##_aq, "set" #cc, K_CMPF, 64, "acd", "ad", 0, 0, 0, "addq %rcx,%rax; set" #cc " %dl") \
  X(set##cc##_al, "set" #cc, K_CMPF, 32, "acd", "ad", 0, 0, 0, "addl %ecx,%eax; set" #cc " %dl") \
  X(set##cc##_sw, "set" #cc, K_CMPF, 16, "acd", "ad", 0, 0, 0, "sbbw %cx,%ax; set" #cc " %dl")  \
  X(set##cc##_f, "set" #cc, K_FLAGS, 8, "d", "d", 0, 0, 1, "set" #cc " %dl")                    \
  X(set##cc##_fm, "set" #cc, K_FLAGS, 8, "M", "M", 0, 0, 0, "set" #cc " 136(%rdi)")             \
  X(cmov##cc##_q, "cmov" #cc, K_CMPF, 64, "acdb", "d", 0, 0, 1, "cmpq %rcx,%rax; cmov" #cc " %rbx,%rdx") \
  X(cmov##cc##_l, "cmov" #cc, K_CMPF, 32, "acdb", "d", 0, 0, 1, "cmpl %ecx,%eax; cmov" #cc " %ebx,%edx") \
  X(cmov##cc##_w, "cmov" #cc, K_CMPF, 16, "acdb", "d", 0, 0, 1, "cmpw %cx,%ax; cmov" #cc " %bx,%dx") \
  X(cmov##cc##_tq, "cmov" #cc, K_CMPF, 64, "acdb", "d", 1, 0, 0, "testq %rcx,%rax; cmov" #cc " %rbx,%rdx") \
  X(cmov##cc##_f, "cmov" #cc, K_FLAGS, 32, "db", "d", 0, 0, 1, "cmov" #cc " %ebx,%edx")        \
  X(cmov##cc##_fm, "cmov" #cc, K_FLAGS, 64, "dM", "d", 0, 0, 0, "cmov" #cc " 136(%rdi),%rdx")

#define CCS                                                                                     \
  CCFORMS(o) CCFORMS(no) CCFORMS(b) CCFORMS(ae) CCFORMS(e) CCFORMS(ne) CCFORMS(be) CCFORMS(a)   \
  CCFORMS(s) CCFORMS(ns) CCFORMS(p) CCFORMS(np) CCFORMS(l) CCFORMS(ge) CCFORMS(le) CCFORMS(g)

#define BMI_W(w, sfx, A, B, C)                                                                  \
  X(andn_##w, "andn " #w, K_ANDN, w, "bc", "a", 0, FT_BMI1, 1, "andn " C "," B "," A)           \
  X(bextr_##w, "bextr " #w, K_BEXTR, w, "cb", "a", 0, FT_BMI1, 1, "bextr " B "," C "," A)       \
  X(blsi_##w, "blsi " #w, K_BLS, w, "c", "a", 0, FT_BMI1, 1, "blsi " C "," A)                   \
  X(blsmsk_##w, "blsmsk " #w, K_BLS, w, "c", "a", 0, FT_BMI1, 1, "blsmsk " C "," A)             \
  X(blsr_##w, "blsr " #w, K_BLS, w, "c", "a", 0, FT_BMI1, 1, "blsr " C "," A)                   \
  X(bzhi_##w, "bzhi " #w, K_BZHI, w, "cb", "a", 0, FT_BMI2, 1, "bzhi " B "," C "," A)           \
  X(pdep_##w, "pdep " #w, K_PDEP, w, "bc", "a", 0, FT_BMI2, 1, "pdep " C "," B "," A)           \
  X(pext_##w, "pext " #w, K_PDEP, w, "bc", "a", 0, FT_BMI2, 1, "pext " C "," B "," A)           \
  X(sarx_##w, "sarx " #w, K_SHIFTX, w, "cb", "a", 0, FT_BMI2, 1, "sarx " B "," C "," A)         \
  X(shlx_##w, "shlx " #w, K_SHIFTX, w, "cb", "a", 0, FT_BMI2, 1, "shlx " B "," C "," A)         \
  X(shrx_##w, "shrx " #w, K_SHIFTX, w, "cb", "a", 0, FT_BMI2, 1, "shrx " B "," C "," A)         \
  X(rorx0_##w, "rorx " #w, K_NOFLAG, w, "c", "a", 0, FT_BMI2, 0, "rorx $0," C "," A)            \
  X(rorx1_##w, "rorx " #w, K_NOFLAG, w, "c", "a", 0, FT_BMI2, 1, "rorx $1," C "," A)            \
  X(rorx7_##w, "rorx " #w, K_NOFLAG, w, "c", "a", 0, FT_BMI2, 0, "rorx $7," C "," A)            \
  X(rorx31_##w, "rorx " #w, K_NOFLAG, w, "c", "a", 0, FT_BMI2, 0, "rorx $31," C "," A)          \
  X(rorx33_##w, "rorx " #w, K_NOFLAG, w, "c", "a", 0, FT_BMI2, 0, "rorx $33," C "," A)          \
  X(rorx63_##w, "rorx " #w, K_NOFLAG, w, "c", "a", 0, FT_BMI2, 0, "rorx $63," C "," A)          \
  X(mulx_##w, "mulx " #w, K_PDEP, w, "dc", "ab", 0, FT_BMI2, 1, "mulx " C "," B "," A)
#define BMI                                                                                     \
  BMI_W(32, l, "%eax", "%ebx", "%ecx") BMI_W(64, q, "%rax", "%rbx", "%rcx")                     \
  X(andn_m, "andn 64", K_ANDN, 64, "bM", "a", 0, FT_BMI1, 0, "andn 136(%rdi),%rbx,%rax")        \
  X(andn_rex, "andn 64", K_ANDN, 64, "t9", "8", 0, FT_BMI1, 0, "andn %r9,%r10,%r8")             \
  X(bextr_m, "bextr 32", K_BEXTR, 32, "Mb", "a", 0, FT_BMI1, 0, "bextr %ebx,136(%rdi),%eax")    \
  X(blsr_m, "blsr 64", K_BLS, 64, "M", "a", 0, FT_BMI1, 0, "blsr 136(%rdi),%rax")               \
  X(pdep_m, "pdep 64", K_PDEP, 64, "bM", "a", 0, FT_BMI2, 0, "pdep 136(%rdi),%rbx,%rax")        \
  X(shlx_m, "shlx 64", K_SHIFTX, 64, "Mb", "a", 0, FT_BMI2, 0, "shlx %rbx,136(%rdi),%rax")      \
  X(mulx_m, "mulx 64", K_PDEP, 64, "dM", "ab", 0, FT_BMI2, 0, "mulx 136(%rdi),%rbx,%rax")       \
  X(mulx_same, "mulx 64", K_PDEP, 64, "dc", "a", 0, FT_BMI2, 0, "mulx %rcx,%rax,%rax")          \
  X(lzcnt_wrex, "lzcnt 16", K_CNT, 16, "98", "8", 0, FT_LZCNT, 0, "lzcntw %r9w,%r8w")

/* Prefix corner cases (SDM Vol. 2 §2.1, §2.2.1): 66 with REX.W, a REX that is not last (ignored),
 * ignored segment and repeat prefixes, 67 (32-bit addressing), and the TEST aliases F6/F7 /1. */
#define PREFIXES                                                                                \
  X(pfx_66w, "add 64", K_ARITH, 64, "ac", "a", 0, 0, 0, ".byte 0x66,0x48,0x01,0xc8 # add %rcx,%rax (66 REX.W: REX.W wins)") \
  X(pfx_w66, "add 16", K_ARITH, 16, "ac", "a", 0, 0, 0, ".byte 0x48,0x66,0x01,0xc8 # add %cx,%ax (REX before 66: ignored)") \
  X(pfx_2rex, "add 32", K_ARITH, 32, "ac", "a", 0, 0, 0, ".byte 0x48,0x40,0x01,0xc8 # add %ecx,%eax (two REX: the last counts)") \
  X(pfx_rexw8, "add 8", K_ARITH, 8, "ac", "a", 0, 0, 0, ".byte 0x48,0x00,0xc8 # add %cl,%al (REX.W on a byte op)") \
  X(pfx_f3, "add 64", K_ARITH, 64, "ac", "a", 0, 0, 0, ".byte 0xf3,0x48,0x01,0xc8 # add %rcx,%rax (F3 ignored)") \
  X(pfx_f2, "sub 32", K_ARITH, 32, "ac", "a", 0, 0, 0, ".byte 0xf2,0x29,0xc8 # sub %ecx,%eax (F2 ignored)") \
  X(pfx_cs, "add 64", K_ARITH, 64, "ac", "a", 0, 0, 0, ".byte 0x2e,0x48,0x01,0xc8 # add %rcx,%rax (CS ignored)") \
  X(pfx_6666, "add 16", K_ARITH, 16, "ac", "a", 0, 0, 0, ".byte 0x66,0x66,0x01,0xc8 # add %cx,%ax (66 66)") \
  X(pfx_66imm, "add 16", K_ARITH, 16, "c", "c", 0, 0, 0, ".byte 0x66,0x81,0xc1,0x00,0x80 # add $0x8000,%cx (imm16)") \
  X(pfx_a32, "add 64", K_ARITH, 64, "Mc", "M", 0, 0, 0, "addq %rcx,136(%edi)")                 \
  X(pfx_a32l, "add 32", K_ARITH, 32, "aM", "a", 0, 0, 0, "addl 136(%edi),%eax")                \
  X(pfx_a32sib, "and 64", K_LOGIC, 64, "aM", "a", 0, 0, 0, ".byte 0x67,0x48,0x23,0x84,0x27,0x88,0,0,0 # and 136(%edi,%eiz),%rax (SIB, no index)")     \
  X(test_f6_1, "test 8", K_LOGIC, 8, "a", "", 0, 0, 0, ".byte 0xf6,0xc8,0x81 # test $0x81,%al (F6 /1)") \
  X(test_f7_1, "test 32", K_LOGIC, 32, "c", "", 0, 0, 0, ".byte 0xf7,0xc9,0x01,0x00,0x00,0x80 # test $0x80000001,%ecx (F7 /1)") \
  X(mov_nop_xchg, "xchg 64", K_NOFLAG, 64, "ac", "ac", 0, 0, 0, "xchgq %rcx,%rax")             \
  X(mov_xchg8, "xchg 64", K_NOFLAG, 64, "a8", "a8", 0, 0, 0, "xchgq %r8,%rax")                 \
  X(mov_xchgb, "xchg 8", K_NOFLAG, 8, "^ab", "ab", 0, 0, 0, "xchgb %bl,%ah")                   \
  X(mov_xchgm, "xchg 32", K_NOFLAG, 32, "Mc", "Mc", 0, 0, 0, "xchgl %ecx,136(%rdi)")           \
  X(xchg_90r8, "xchg 64", K_NOFLAG, 64, "a8", "a8", 0, 0, 0, ".byte 0x49,0x90 # xchg %r8,%rax (90+r with REX.B)") \
  X(xchg_l90, "xchg 32", K_NOFLAG, 32, "a", "a", 0, 0, 0, ".byte 0x87,0xc0 # xchg %eax,%eax (zero-extends)")

#define FORMS                                                                                   \
  ALU(add, K_ARITH, 1) ALU(or, K_LOGIC, 1) ALU(adc, K_ARITH, 1) ALU(sbb, K_ARITH, 1)            \
  ALU(and, K_LOGIC, 1) ALU(sub, K_ARITH, 1) ALU(xor, K_LOGIC, 1) ALU(cmp, K_ARITH, 0)           \
  TESTS UNOP(inc, K_UNARY) UNOP(dec, K_UNARY) UNOP(neg, K_UNARY) UNOP(not, K_NOFLAG)            \
  SHIFT(rol, K_ROT) SHIFT(ror, K_ROT) SHIFT(rcl, K_RC) SHIFT(rcr, K_RC) SHIFT(shl, K_SHL)       \
  SHIFT(shr, K_SHR) SHIFT(sar, K_SAR)                                                           \
  X(sal6_cl, "shl 32", K_SHL, 32, "ac", "a", P_CL, 0, 0, ".byte 0xd3,0xf0 # sal %cl,%eax (/6)") \
  X(sal6_q1, "shl 64", K_SHL, 64, "a", "a", 1, 0, 0, ".byte 0x48,0xd1,0xf0 # sal %rax (/6)")   \
  X(shl_c1_1, "shl 32", K_SHL, 32, "a", "a", 1, 0, 0, ".byte 0xc1,0xe0,0x01 # shl $1,%eax (C1)") \
  X(rcr_c1_1, "rcr 64", K_RC, 64, "a", "a", 1, 0, 0, ".byte 0x48,0xc1,0xd8,0x01 # rcr $1,%rax (C1)") \
  SHXD(shld) SHXD(shrd)                                                                         \
  MULOP(mul, K_MUL) MULOP(imul, K_MUL) IMULN DIVOP(div, K_DIV) DIVOP(idiv, K_IDIV)              \
  BTOP(bt, 0) BTOP(bts, 1) BTOP(btr, 1) BTOP(btc, 1)                                            \
  SCAN(bsf, K_BSF, 0) SCAN(bsr, K_BSF, 0) SCAN(tzcnt, K_CNT, FT_BMI1)                           \
  SCAN(lzcnt, K_CNT, FT_LZCNT) SCAN(popcnt, K_POPCNT, FT_POPCNT)                                \
  MOVX XCH CCS BMI PREFIXES

/* ---- the asm functions --------------------------------------------------------------------- */

#define PROLOGUE                                                                                \
  "push %rbx\n\tmov 0(%rdi),%rax\n\tmov 8(%rdi),%rcx\n\tmov 16(%rdi),%rdx\n\t"                  \
  "mov 24(%rdi),%rbx\n\tmov 32(%rdi),%rsi\n\tmov 40(%rdi),%r8\n\tmov 48(%rdi),%r9\n\t"          \
  "mov 56(%rdi),%r10\n\tpushq 64(%rdi)\n\tpopfq\n"
#define EPILOGUE                                                                                \
  "\tpushfq\n\tpopq 72(%rdi)\n\tmov %rax,0(%rdi)\n\tmov %rcx,8(%rdi)\n\tmov %rdx,16(%rdi)\n\t"  \
  "mov %rbx,24(%rdi)\n\tmov %rsi,32(%rdi)\n\tmov %r8,40(%rdi)\n\tmov %r9,48(%rdi)\n\t"          \
  "mov %r10,56(%rdi)\n\tpop %rbx\n\tret\n"

#define X(id, group, kind, width, in, out, param, feat, full, text)                            \
  __asm__(".text\n.p2align 4\n.globl run_" #id "\n.hidden run_" #id "\nrun_" #id ":\n" PROLOGUE \
          ".globl beg_" #id "\n.hidden beg_" #id "\nbeg_" #id ":\n\t" text "\n"                 \
          ".globl end_" #id "\n.hidden end_" #id "\nend_" #id ":\n" EPILOGUE);                  \
  void run_##id(io_t *);                                                                        \
  extern const unsigned char beg_##id[], end_##id[];
FORMS
#undef X

#define X(id, group, kind, width, in, out, param, feat, full, text)                            \
  {group, text, in, out, kind, width, param, feat, full, run_##id, beg_##id, end_##id},
static const form_t FORM_TABLE[] = {FORMS};
#undef X

/* ---- helpers ------------------------------------------------------------------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static uint64_t wmask(int w) { return w == 64 ? ~0ull : (1ull << w) - 1; }

static int64_t sextw(uint64_t v, int w) {
  if (w == 64) return (int64_t)v;
  uint64_t m = 1ull << (w - 1);
  v &= wmask(w);
  return (int64_t)((v ^ m) - m);
}

/* Boundary values (Intel-style edge cases) truncated to the width, deduplicated, plus random. */
static const uint64_t BOUND[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
    0x100000000ull, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    0xfffffffffffffffeull, 0x8000000000000001ull,
};

static int vals(int w, uint64_t *out, int nrand) {
  int n = 0;
  for (size_t k = 0; k < sizeof BOUND / sizeof BOUND[0]; k++) {
    uint64_t v = BOUND[k] & wmask(w);
    int dup = 0;
    for (int j = 0; j < n; j++) dup |= out[j] == v;
    if (!dup) out[n++] = v;
  }
  for (int k = 0; k < nrand; k++) out[n++] = rnd() & wmask(w);
  return n;
}

/* Values for bit scans: boundaries, single bits, sparse random values. */
static int scanvals(int w, uint64_t *out) {
  int n = vals(w, out, 4);
  for (int b = 0; b < w; b += (b < 8 ? 1 : 5)) out[n++] = 1ull << b;
  for (int k = 0; k < 6; k++) out[n++] = (rnd() & rnd() & rnd()) & wmask(w);
  out[n++] = (1ull << (w - 1)) | 1;
  return n;
}

static const form_t *cur;
static int slot_of[4];  /* structured operands A B C D: slot index */
static int hi_of[4];    /* operand lives in bits 8..15 */
static int nin;
static int in_slots[NSLOT], out_slots[NSLOT];
static int nout;
static int first_vec;
static sigjmp_buf jb;
static long total;

static void on_fpe(int sig) {
  (void)sig;
  siglongjmp(jb, 1);
}

static int slot_index(char ch) {
  const char *p = strchr(SLOT_CHARS, ch);
  if (!p || !ch) {
    fprintf(stderr, "bad slot letter %c in %s\n", ch, cur->text);
    exit(1);
  }
  return (int)(p - SLOT_CHARS);
}

static void parse_form(const form_t *f) {
  nin = 0;
  int k = 0;
  for (const char *p = f->in; *p; p++) {
    int hi = 0;
    if (*p == '^') { hi = 1; p++; }
    int s = slot_index(*p);
    if (k < 4) { slot_of[k] = s; hi_of[k] = hi; k++; }
    in_slots[nin++] = s;
  }
  for (; k < 4; k++) slot_of[k] = -1;
  nout = 0;
  for (const char *p = f->out; *p; p++) out_slots[nout++] = slot_index(*p);
}

static uint64_t slot_val[NSLOT];
static uint64_t fin_val;

/* Starts a vector: sentinels everywhere, random values in every input slot. */
static void begin(void) {
  for (int s = 0; s < NSLOT; s++) slot_val[s] = SENTINEL[s];
  for (int k = 0; k < nin; k++) slot_val[in_slots[k]] = rnd();
  fin_val = 0x202 | (rnd() & STATUS);
}

/* Places operand value v (width w) into structured operand k, keeping random bits around it. */
static void put(int k, uint64_t v, int w) {
  int s = slot_of[k];
  if (hi_of[k]) slot_val[s] = (slot_val[s] & ~0xff00ull) | ((v & 0xff) << 8);
  else slot_val[s] = (slot_val[s] & ~wmask(w)) | (v & wmask(w));
}

static uint64_t get(int k, int w) {
  int s = slot_of[k];
  if (hi_of[k]) return (slot_val[s] >> 8) & 0xff;
  return slot_val[s] & wmask(w);
}

static void print_hex(uint64_t v) { printf("\"%llx\"", (unsigned long long)v); }

/* The flags and registers the SDM leaves undefined for this vector. */
static unsigned undefined_mask(uint64_t out0) {
  const form_t *f = cur;
  int w = f->width;
  int cnt = 0;
  if (f->kind >= K_SHL && f->kind <= K_SHLD) {
    int raw = f->param == P_CL ? (int)(slot_val[1] & 0xff) : f->param;
    if (f->kind == K_SHLD && f->param == P_CL) raw = (int)(slot_val[slot_of[2]] & 0xff);
    cnt = raw & (w == 64 ? 63 : 31);
  }
  (void)out0;
  switch (f->kind) {
  case K_ARITH: case K_UNARY: case K_NOFLAG: case K_POPCNT: case K_CMPXCHG: case K_SAHF:
  case K_FLAGS: case K_PDEP: case K_SHIFTX:
    return 0;
  case K_LOGIC: return AF;
  case K_CMPF: return f->param == 1 ? AF : 0;
  case K_SHL: case K_SHR:
    if (cnt == 0) return 0;
    return AF | (cnt > 1 ? OF : 0) | (cnt >= w ? CF : 0);
  case K_SAR:
    if (cnt == 0) return 0;
    return AF | (cnt > 1 ? OF : 0);
  case K_ROT: case K_RC:
    return cnt > 1 ? OF : 0;
  case K_SHLD:
    if (cnt == 0) return 0;
    return AF | (cnt > 1 ? OF : 0);
  case K_MUL: return SF | ZF | AF | PF;
  case K_DIV: case K_IDIV: return STATUS;
  case K_BT: return OF | SF | AF | PF;
  case K_BSF: return CF | OF | SF | AF | PF | (get(0, w) == 0 ? UNDEF_OUT(0) : 0);
  case K_CNT: return OF | SF | AF | PF;
  case K_ANDN: case K_BLS: case K_BZHI: return AF | PF;
  case K_BEXTR: return AF | SF | PF;
  }
  return 0;
}

/* Runs the current form on slot_val/fin_val and prints one vector. */
static io_t *iop; /* below 4 GiB (MAP_32BIT): the 67-prefixed forms address 136(%edi) */

static void emit(void) {
  const form_t *f = cur;
  io_t io;
  memset(&io, 0, sizeof io);
  for (int s = 0; s < 8; s++) io.s[s] = slot_val[s];
  for (int s = 0; s < 3; s++) io.m[s] = slot_val[8 + s];
  io.fin = fin_val;
  volatile int faulted = 0;
  *iop = io;
  if (sigsetjmp(jb, 1) == 0) f->run(iop);
  else faulted = 1;
  io = *iop;
  if (faulted && f->kind != K_DIV && f->kind != K_IDIV) {
    fprintf(stderr, "%s: unexpected #DE\n", f->text);
    exit(1);
  }
  uint64_t after[NSLOT];
  for (int s = 0; s < 8; s++) after[s] = io.s[s];
  for (int s = 0; s < 3; s++) after[8 + s] = io.m[s];
  if (!faulted) {
    for (int s = 0; s < NSLOT; s++) {
      int listed = 0;
      for (int k = 0; k < nout; k++) listed |= out_slots[k] == s;
      if (!listed && after[s] != slot_val[s]) {
        fprintf(stderr, "%s: slot %s changed but is not declared as an output\n", f->text, SLOT_NAMES[s]);
        exit(1);
      }
    }
  }
  printf("%s[%u", first_vec ? "" : ",", (unsigned)fin_val);
  first_vec = 0;
  for (int k = 0; k < nin; k++) { putchar(','); print_hex(slot_val[in_slots[k]]); }
  if (faulted) {
    printf(",\"DE\"]");
  } else {
    printf(",%u", (unsigned)(io.fout & 0xfff));
    for (int k = 0; k < nout; k++) { putchar(','); print_hex(after[out_slots[k]]); }
    printf(",%u]", undefined_mask(after[out_slots[0]]));
  }
  total++;
}

/* Emits the vector once, or twice (CF clear and set) for instructions that consume CF. */
static void emit_cf(int both) {
  if (!both) { emit(); return; }
  uint64_t keep[NSLOT];
  memcpy(keep, slot_val, sizeof keep);
  fin_val &= ~(uint64_t)CF;
  emit();
  memcpy(slot_val, keep, sizeof keep);
  fin_val |= CF;
  emit();
}

static int uses_cf(const form_t *f) {
  return f->kind == K_RC || strstr(f->text, "adc") != NULL || strstr(f->text, "sbb") != NULL;
}

/* A random sample of the cross product when the form is not a main ("full") form. */
static int keep_pair(int full, int n) {
  if (full) return 1;
  int want = 48;
  return (int)(rnd() % (uint64_t)(n * n)) < want;
}

/* ---- generators ---------------------------------------------------------------------------- */

static void gen_binary(int w, int cf) {
  uint64_t v[64];
  int n = vals(w, v, w == 8 ? 3 : 4);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      if (!keep_pair(cur->full, n)) continue;
      begin();
      put(0, v[i], w);
      if (slot_of[1] >= 0) put(1, v[j], w);
      emit_cf(cf);
    }
}

static void gen_unary(int w, int cf) {
  uint64_t v[64];
  int n = vals(w, v, cur->full ? 8 : 3);
  for (int i = 0; i < n; i++) {
    begin();
    put(0, v[i], w);
    emit_cf(cf);
  }
}

static const int SHIFT_COUNTS[] = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, -1, -1};

static void gen_shift(int w, int cf) {
  uint64_t v[64];
  int n = vals(w, v, 3);
  if (cur->param != P_CL) {
    for (int i = 0; i < n; i++) {
      begin();
      put(0, v[i], w);
      emit_cf(cf);
    }
    return;
  }
  int nc = (int)(sizeof SHIFT_COUNTS / sizeof SHIFT_COUNTS[0]);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < nc; j++) {
      if (!cur->full && rnd() % 4 != 0) continue;
      begin();
      put(0, v[i], w);
      int c = SHIFT_COUNTS[j] < 0 ? (int)(rnd() & 0xff) : SHIFT_COUNTS[j];
      put(1, (uint64_t)c, 8);
      emit_cf(cf);
    }
}

static void gen_shld(int w) {
  uint64_t v[64];
  int n = vals(w, v, 4);
  int nc = (int)(sizeof SHIFT_COUNTS / sizeof SHIFT_COUNTS[0]);
  if (cur->param != P_CL && w == 16 && (cur->param & 31) > 16) return;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      if (rnd() % (uint64_t)n >= 3) continue; /* ~3 partners per destination value */
      if (cur->param != P_CL) {
        begin();
        put(0, v[i], w);
        put(1, v[j], w);
        emit();
        continue;
      }
      for (int k = 0; k < nc; k++) {
        int c = SHIFT_COUNTS[k] < 0 ? (int)(rnd() & 0xff) : SHIFT_COUNTS[k];
        /* 16-bit counts above 16: result and flags undefined (SDM "SHLD"): not recorded. */
        if (w == 16 && (c & 31) > 16) continue;
        if (!cur->full && rnd() % 3 != 0) continue;
        begin();
        put(0, v[i], w);
        put(1, v[j], w);
        put(2, (uint64_t)c, 8);
        emit();
      }
    }
}

/* Dividend high:low and divisor. 8-bit: AX is the dividend (one slot). */
static void put_div(int w, uint64_t hi, uint64_t lo, uint64_t d) {
  if (w == 8) {
    put(0, (lo & 0xff) | ((hi & 0xff) << 8), 16);
    put(1, d, 8);
  } else {
    put(0, lo, w);
    put(1, hi, w);
    put(2, d, w);
  }
}

static void gen_div(int w, int sign) {
  uint64_t v[64];
  int n = vals(w, v, 4);
  uint64_t m = wmask(w);
  for (int i = 0; i < n; i++) {
    uint64_t d = v[i];
    uint64_t his[8], los[6];
    int nh = 0, nl = 0;
    los[nl++] = 0;
    los[nl++] = 1;
    los[nl++] = m;
    los[nl++] = 1ull << (w - 1);
    los[nl++] = rnd() & m;
    los[nl++] = rnd() & m;
    for (int l = 0; l < nl; l++) {
      nh = 0;
      if (!sign) {
        his[nh++] = 0;
        if (d) his[nh++] = rnd() % d;
        if (d) his[nh++] = (d - 1) & m;
        his[nh++] = d; /* quotient overflow: #DE */
      } else {
        int64_t ds = sextw(d, w);
        uint64_t sx = sextw(los[l], w) < 0 ? m : 0; /* sign extension of the low half */
        his[nh++] = sx;
        his[nh++] = sx ^ m; /* wrong-sign high half: overflow unless |d| is large */
        uint64_t ad = ds < 0 ? -(uint64_t)ds : (uint64_t)ds;
        if (ad > 1) his[nh++] = (rnd() % (ad / 2)) & m;            /* small positive */
        if (ad > 1) his[nh++] = (-(rnd() % (ad / 2))) & m;         /* small negative */
      }
      for (int h = 0; h < nh; h++) {
        if (!cur->full && rnd() % 4 != 0) continue;
        begin();
        put_div(w, his[h], los[l], d);
        emit();
      }
    }
  }
}

static void gen_bt(int w) {
  uint64_t v[64];
  int n = vals(w, v, 2);
  int mem = slot_of[0] >= 8;
  static const int64_t REG_OFF[] = {0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, -1, -2, -17, -33,
                                    -64, -65, 0x7fffffff, -0x80000000ll, 0x100000003ll, -0x7ffffffffll};
  static const int64_t MEM_OFF[] = {-64, -63, -33, -32, -17, -16, -9, -8, -1, 0, 1, 7, 8, 15, 16, 17,
                                    31, 32, 33, 48, 63, 64, 65, 100, 127};
  const int64_t *offs = mem ? MEM_OFF : REG_OFF;
  int no = mem ? (int)(sizeof MEM_OFF / sizeof MEM_OFF[0]) : (int)(sizeof REG_OFF / sizeof REG_OFF[0]);
  for (int i = 0; i < n; i++) {
    if (cur->param != P_CL) {
      begin();
      put(0, v[i], w);
      emit();
      continue;
    }
    for (int j = 0; j < no; j++) {
      if (!cur->full && !mem && rnd() % 3 != 0) continue;
      if (mem && rnd() % 3 != 0) continue;
      begin();
      put(0, v[i], w);
      /* The offset register is read at the operand width (signed); bits above it are random. */
      put(1, (uint64_t)offs[j], w);
      emit();
    }
  }
}

static void gen_scan(int w) {
  uint64_t v[128];
  int n = scanvals(w, v);
  for (int i = 0; i < n; i++) {
    if (!cur->full && rnd() % 2) continue;
    begin();
    put(0, v[i], w);
    emit();
  }
}

static void gen_cmpf(int w) {
  uint64_t v[64];
  int n = vals(w, v, 2);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      if (i != j && rnd() % (uint64_t)n >= (cur->full ? 4u : 2u)) continue;
      begin();
      put(0, v[i], w);
      put(1, v[j], w);
      emit_cf(uses_cf(cur));
    }
}

static void gen_flags(void) {
  static const unsigned bits[6] = {CF, PF, AF, ZF, SF, OF};
  for (int combo = 0; combo < 64; combo++) {
    if (!cur->full && combo % 3 != 0) continue;
    begin();
    fin_val = 0x202;
    for (int b = 0; b < 6; b++)
      if (combo & (1 << b)) fin_val |= bits[b];
    emit();
  }
}

static void gen_sahf(void) {
  for (int ah = 0; ah < 256; ah++) {
    begin();
    put(0, (uint64_t)ah << 8, 16);
    emit();
  }
}

static void gen_cmpxchg(int w) {
  uint64_t v[64];
  int n = vals(w, v, 3);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < 3; j++) {
      begin();
      put(0, v[i], w);
      /* j = 0: equal at the operand width (upper bits differ); 1, 2: other values. */
      put(1, j == 0 ? v[i] : v[rnd() % (uint64_t)n], w);
      put(2, v[rnd() % (uint64_t)n], w);
      emit();
    }
}

static void gen_bextr(int w) {
  static const int POS[] = {0, 1, 4, 7, 8, 31, 32, 33, 63, 64, 65, 200};
  uint64_t v[64];
  int n = vals(w, v, 4);
  int np = (int)(sizeof POS / sizeof POS[0]);
  for (int i = 0; i < n; i++)
    for (int s = 0; s < np; s++)
      for (int l = 0; l < np; l++) {
        if (rnd() % 8 != 0) continue;
        begin();
        put(0, v[i], w);
        /* Control: start in bits 7:0, length in 15:8; bits above are ignored. */
        put(1, (uint64_t)POS[s] | ((uint64_t)POS[l] << 8), 16);
        emit();
      }
}

static void gen_count(int w) {
  /* BZHI index / SHLX count in the second operand; upper bits random (ignored). */
  static const int CNT[] = {0, 1, 2, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 128, 255};
  uint64_t v[64];
  int n = vals(w, v, 4);
  int nc = (int)(sizeof CNT / sizeof CNT[0]);
  for (int i = 0; i < n; i++)
    for (int c = 0; c < nc; c++) {
      if (!cur->full && rnd() % 3 != 0) continue;
      if (cur->full && rnd() % 2 != 0) continue;
      begin();
      put(0, v[i], w);
      put(1, (uint64_t)CNT[c], 8);
      emit();
    }
}

static void gen_bls(int w) {
  uint64_t v[128];
  int n = scanvals(w, v);
  for (int i = 0; i < n; i++) {
    begin();
    put(0, v[i], w);
    emit();
  }
}

/* ---- main ---------------------------------------------------------------------------------- */

static int have[8];

static void detect(void) {
  unsigned a, b, c, d;
  have[FT_NONE] = 1;
  if (__get_cpuid(1, &a, &b, &c, &d)) have[FT_POPCNT] = (c >> 23) & 1;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
    have[FT_BMI1] = (b >> 3) & 1;
    have[FT_BMI2] = (b >> 8) & 1;
  }
  if (__get_cpuid(0x80000001, &a, &b, &c, &d)) {
    have[FT_LZCNT] = (c >> 5) & 1;
    have[FT_LAHF] = c & 1;
  }
}

static void cpu_name(char *out) {
  unsigned r[12];
  memset(r, 0, sizeof r);
  for (unsigned k = 0; k < 3; k++) __get_cpuid(0x80000002 + k, &r[4 * k], &r[4 * k + 1], &r[4 * k + 2], &r[4 * k + 3]);
  memcpy(out, r, 48);
  out[48] = 0;
  for (char *p = out; *p; p++)
    if (*p == '"' || *p == '\\') *p = ' ';
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_fpe;
  sigaction(SIGFPE, &sa, NULL);
  iop = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
  if (iop == MAP_FAILED) { perror("mmap"); return 1; }
  detect();
  char name[64];
  cpu_name(name);
  static const char *FT_NAMES[] = {"", "POPCNT", "LZCNT", "BMI1", "BMI2", "LAHF"};
  printf("{\"cpu\":\"%s\",\"features\":{", name);
  for (int k = 1; k <= FT_LAHF; k++) printf("%s\"%s\":%s", k > 1 ? "," : "", FT_NAMES[k], have[k] ? "true" : "false");
  printf("},\n\"slots\":[");
  for (int s = 0; s < NSLOT; s++) printf("%s\"%s\"", s ? "," : "", SLOT_NAMES[s]);
  printf("],\n\"sentinel\":[");
  for (int s = 0; s < NSLOT; s++) { if (s) putchar(','); print_hex(SENTINEL[s]); }
  printf("],\n\"forms\":[\n");
  int nforms = (int)(sizeof FORM_TABLE / sizeof FORM_TABLE[0]);
  int printed = 0;
  for (int fi = 0; fi < nforms; fi++) {
    const form_t *f = &FORM_TABLE[fi];
    cur = f;
    if (!have[f->feat]) {
      fprintf(stderr, "skipped (host lacks %s): %s\n", FT_NAMES[f->feat], f->text);
      continue;
    }
    parse_form(f);
    printf("%s[\"%s\",\"%s\",\"", printed ? ",\n" : "", f->group, f->text);
    for (const unsigned char *p = f->beg; p < f->end; p++) printf("%02x", *p);
    printf("\",[");
    for (int k = 0; k < nin; k++) printf("%s%d", k ? "," : "", in_slots[k]);
    printf("],[");
    for (int k = 0; k < nout; k++) printf("%s%d", k ? "," : "", out_slots[k]);
    printf("],[");
    printed++;
    first_vec = 1;
    int w = f->width;
    switch (f->kind) {
    case K_ARITH: case K_LOGIC: case K_ANDN: case K_PDEP:
      if (slot_of[1] < 0) gen_unary(w, uses_cf(f));
      else gen_binary(w, uses_cf(f));
      break;
    case K_MUL:
      if (slot_of[1] < 0 || strstr(f->text, "$")) gen_unary(w, 0);
      else gen_binary(w, 0);
      break;
    case K_UNARY: case K_NOFLAG: gen_unary(w, 0); break;
    case K_SHL: case K_SHR: case K_SAR: case K_ROT: case K_RC: gen_shift(w, f->kind == K_RC); break;
    case K_SHLD: gen_shld(w); break;
    case K_DIV: gen_div(w, 0); break;
    case K_IDIV: gen_div(w, 1); break;
    case K_BT: gen_bt(w); break;
    case K_BSF: case K_CNT: case K_POPCNT: gen_scan(w); break;
    case K_CMPF: gen_cmpf(w); break;
    case K_FLAGS: gen_flags(); break;
    case K_SAHF: gen_sahf(); break;
    case K_CMPXCHG: gen_cmpxchg(w); break;
    case K_BEXTR: gen_bextr(w); break;
    case K_BZHI: case K_SHIFTX: gen_count(w); break;
    case K_BLS: gen_bls(w); break;
    }
    printf("]]");
  }
  printf("\n]}\n");
  fprintf(stderr, "%d forms, %ld vectors\n", printed, total);
  return 0;
}
