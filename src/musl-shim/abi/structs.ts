// Struct layouts of the Linux x86-64 ABI as musl sees them (arch/x86_64/bits/*.h in musl;
// include/uapi/asm-generic/*.h in Linux). Offsets in bytes. A leaf module.
/** struct stat (musl arch/x86_64/bits/stat.h): 144 bytes. */
export const STAT_SIZE = 144;
export const ST_DEV = 0, ST_INO = 8, ST_NLINK = 16, ST_MODE = 24, ST_UID = 28, ST_GID = 32;
export const ST_RDEV = 40, ST_SIZE = 48, ST_BLKSIZE = 56, ST_BLOCKS = 64;
export const ST_ATIME = 72, ST_MTIME = 88, ST_CTIME = 104;
/** struct timespec: tv_sec (8), tv_nsec (8). */
export const TIMESPEC_SIZE = 16;
/** struct winsize: ws_row, ws_col, ws_xpixel, ws_ypixel (u16 each). */
export const WINSIZE_SIZE = 8;
/** struct utsname: six fields of 65 bytes. */
export const UTS_FIELD = 65;
/** struct rlimit: rlim_cur, rlim_max (u64). */
export const RLIMIT_SIZE = 16;
/** struct termios (kernel): c_iflag, c_oflag, c_cflag, c_lflag (u32), c_line (u8), c_cc[19]. */
export const KTERMIOS_SIZE = 36;
