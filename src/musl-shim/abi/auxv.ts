// Auxiliary vector entry types (Linux include/uapi/linux/auxvec.h, arch/x86/include/uapi/asm/auxvec.h;
// getauxval(3)). A leaf module: imports nothing.

/** End of the vector. */
export const AT_NULL = 0;
/** Entry to ignore. */
export const AT_IGNORE = 1;
/** File descriptor of the program (binfmt_misc). */
export const AT_EXECFD = 2;
/** Address of the program headers in memory. */
export const AT_PHDR = 3;
/** Size of one program header. */
export const AT_PHENT = 4;
/** Number of program headers. */
export const AT_PHNUM = 5;
/** System page size. */
export const AT_PAGESZ = 6;
/** Base address of the interpreter (0 without one). */
export const AT_BASE = 7;
/** Flags (AT_FLAGS_PRESERVE_ARGV0). */
export const AT_FLAGS = 8;
/** Program entry point. */
export const AT_ENTRY = 9;
/** Program is not ELF. */
export const AT_NOTELF = 10;
/** Real uid. */
export const AT_UID = 11;
/** Effective uid. */
export const AT_EUID = 12;
/** Real gid. */
export const AT_GID = 13;
/** Effective gid. */
export const AT_EGID = 14;
/** Address of the platform string ("x86_64"). */
export const AT_PLATFORM = 15;
/** Hardware capabilities (CPUID.1:EDX on x86). */
export const AT_HWCAP = 16;
/** Frequency of times(2) ticks. */
export const AT_CLKTCK = 17;
/** Secure mode (setuid/setgid exec). */
export const AT_SECURE = 23;
/** Address of the base platform string. */
export const AT_BASE_PLATFORM = 24;
/** Address of 16 random bytes. */
export const AT_RANDOM = 25;
/** More hardware capabilities (x86: bit 1 FSGSBASE). */
export const AT_HWCAP2 = 26;
/** rseq feature size (Linux 6.3+). */
export const AT_RSEQ_FEATURE_SIZE = 27;
/** rseq alignment (Linux 6.3+). */
export const AT_RSEQ_ALIGN = 28;
/** Hardware capabilities, third word. */
export const AT_HWCAP3 = 29;
/** Hardware capabilities, fourth word. */
export const AT_HWCAP4 = 30;
/** Address of the executed file name. */
export const AT_EXECFN = 31;
/** i386 only: address of the vsyscall entry. */
export const AT_SYSINFO = 32;
/** Address of the vDSO ELF header. */
export const AT_SYSINFO_EHDR = 33;
/** Minimal signal stack size the kernel's signal frame needs. */
export const AT_MINSIGSTKSZ = 51;

/** AT_FLAGS bit: binfmt_misc preserved argv[0]. */
export const AT_FLAGS_PRESERVE_ARGV0 = 1;

/** Names of the entry types, for traces and /proc/self/auxv dumps. */
export const AT_NAMES: Readonly<Record<number, string>> = {
  [AT_NULL]: 'AT_NULL', [AT_IGNORE]: 'AT_IGNORE', [AT_EXECFD]: 'AT_EXECFD', [AT_PHDR]: 'AT_PHDR',
  [AT_PHENT]: 'AT_PHENT', [AT_PHNUM]: 'AT_PHNUM', [AT_PAGESZ]: 'AT_PAGESZ', [AT_BASE]: 'AT_BASE',
  [AT_FLAGS]: 'AT_FLAGS', [AT_ENTRY]: 'AT_ENTRY', [AT_NOTELF]: 'AT_NOTELF', [AT_UID]: 'AT_UID',
  [AT_EUID]: 'AT_EUID', [AT_GID]: 'AT_GID', [AT_EGID]: 'AT_EGID', [AT_PLATFORM]: 'AT_PLATFORM',
  [AT_HWCAP]: 'AT_HWCAP', [AT_CLKTCK]: 'AT_CLKTCK', [AT_SECURE]: 'AT_SECURE',
  [AT_BASE_PLATFORM]: 'AT_BASE_PLATFORM', [AT_RANDOM]: 'AT_RANDOM', [AT_HWCAP2]: 'AT_HWCAP2',
  [AT_RSEQ_FEATURE_SIZE]: 'AT_RSEQ_FEATURE_SIZE', [AT_RSEQ_ALIGN]: 'AT_RSEQ_ALIGN',
  [AT_HWCAP3]: 'AT_HWCAP3', [AT_HWCAP4]: 'AT_HWCAP4', [AT_EXECFN]: 'AT_EXECFN',
  [AT_SYSINFO]: 'AT_SYSINFO', [AT_SYSINFO_EHDR]: 'AT_SYSINFO_EHDR', [AT_MINSIGSTKSZ]: 'AT_MINSIGSTKSZ',
};
