// ELF64 constants and record sizes (System V gABI "ELF Object File Format"; Linux
// include/uapi/linux/elf.h and elf-em.h; elf(5)). A leaf module: imports nothing.

// ---- e_ident --------------------------------------------------------------------------------
/** Index of the class byte in e_ident. */
export const EI_CLASS = 4;
/** Index of the data-encoding byte in e_ident. */
export const EI_DATA = 5;
/** Index of the ELF version byte in e_ident. */
export const EI_VERSION = 6;
/** Index of the OS ABI byte in e_ident. */
export const EI_OSABI = 7;
/** Index of the ABI version byte in e_ident. */
export const EI_ABIVERSION = 8;
/** Size of e_ident. */
export const EI_NIDENT = 16;
/** The magic bytes at the start of e_ident, as in C ("\177ELF"). */
export const ELFMAG = '\x7fELF';
/** Length of ELFMAG. */
export const SELFMAG = 4;
/** Invalid class. */
export const ELFCLASSNONE = 0;
/** 32-bit objects. */
export const ELFCLASS32 = 1;
/** 64-bit objects. */
export const ELFCLASS64 = 2;
/** Invalid data encoding. */
export const ELFDATANONE = 0;
/** Two's complement, little-endian. */
export const ELFDATA2LSB = 1;
/** Two's complement, big-endian. */
export const ELFDATA2MSB = 2;
/** Invalid version. */
export const EV_NONE = 0;
/** Current version (e_ident[EI_VERSION] and e_version). */
export const EV_CURRENT = 1;
/** System V OS ABI. */
export const ELFOSABI_SYSV = 0;
/** GNU/Linux OS ABI. */
export const ELFOSABI_GNU = 3;

// ---- e_type ---------------------------------------------------------------------------------
/** No file type. */
export const ET_NONE = 0;
/** Relocatable object. */
export const ET_REL = 1;
/** Executable. */
export const ET_EXEC = 2;
/** Shared object or position-independent executable. */
export const ET_DYN = 3;
/** Core dump. */
export const ET_CORE = 4;

// ---- e_machine ------------------------------------------------------------------------------
/** No machine. */
export const EM_NONE = 0;
/** SPARC. */
export const EM_SPARC = 2;
/** Intel 80386. */
export const EM_386 = 3;
/** Motorola 68000. */
export const EM_68K = 4;
/** MIPS. */
export const EM_MIPS = 8;
/** HP PA-RISC. */
export const EM_PARISC = 15;
/** PowerPC. */
export const EM_PPC = 20;
/** PowerPC 64-bit. */
export const EM_PPC64 = 21;
/** IBM S/390. */
export const EM_S390 = 22;
/** ARM (32-bit). */
export const EM_ARM = 40;
/** Hitachi SuperH. */
export const EM_SH = 42;
/** SPARC v9 64-bit. */
export const EM_SPARCV9 = 43;
/** Intel Itanium. */
export const EM_IA_64 = 50;
/** AMD x86-64. */
export const EM_X86_64 = 62;
/** Xtensa. */
export const EM_XTENSA = 94;
/** ARM 64-bit. */
export const EM_AARCH64 = 183;
/** RISC-V. */
export const EM_RISCV = 243;
/** Linux BPF. */
export const EM_BPF = 247;
/** LoongArch. */
export const EM_LOONGARCH = 258;
/** DEC Alpha (unofficial number used by Linux). */
export const EM_ALPHA = 0x9026;

// ---- program headers ------------------------------------------------------------------------
/** Unused entry. */
export const PT_NULL = 0;
/** Loadable segment. */
export const PT_LOAD = 1;
/** Dynamic linking information. */
export const PT_DYNAMIC = 2;
/** Program interpreter path. */
export const PT_INTERP = 3;
/** Auxiliary information (notes). */
export const PT_NOTE = 4;
/** Reserved. */
export const PT_SHLIB = 5;
/** The program header table itself. */
export const PT_PHDR = 6;
/** Thread-local storage template. */
export const PT_TLS = 7;
/** GCC .eh_frame_hdr. */
export const PT_GNU_EH_FRAME = 0x6474e550;
/** Stack executability. */
export const PT_GNU_STACK = 0x6474e551;
/** Read-only after relocation. */
export const PT_GNU_RELRO = 0x6474e552;
/** GNU property notes (CET, ISA levels). */
export const PT_GNU_PROPERTY = 0x6474e553;
/** Segment is executable. */
export const PF_X = 1;
/** Segment is writable. */
export const PF_W = 2;
/** Segment is readable. */
export const PF_R = 4;
/** e_phnum escape: the real count is in section 0's sh_info. */
export const PN_XNUM = 0xffff;

// ---- section headers ------------------------------------------------------------------------
/** Inactive section header. */
export const SHT_NULL = 0;
/** Program-defined contents. */
export const SHT_PROGBITS = 1;
/** Link-editing symbol table. */
export const SHT_SYMTAB = 2;
/** String table. */
export const SHT_STRTAB = 3;
/** Relocations with addends. */
export const SHT_RELA = 4;
/** Symbol hash table. */
export const SHT_HASH = 5;
/** Dynamic linking information. */
export const SHT_DYNAMIC = 6;
/** Notes. */
export const SHT_NOTE = 7;
/** Occupies no file space (.bss). */
export const SHT_NOBITS = 8;
/** Relocations without addends. */
export const SHT_REL = 9;
/** Dynamic linking symbol table. */
export const SHT_DYNSYM = 11;
/** Array of constructors. */
export const SHT_INIT_ARRAY = 14;
/** Array of destructors. */
export const SHT_FINI_ARRAY = 15;
/** Array of pre-constructors. */
export const SHT_PREINIT_ARRAY = 16;
/** Section group. */
export const SHT_GROUP = 17;
/** Extended section indices for a symbol table. */
export const SHT_SYMTAB_SHNDX = 18;
/** Writable at run time. */
export const SHF_WRITE = 0x1;
/** Occupies memory at run time. */
export const SHF_ALLOC = 0x2;
/** Executable instructions. */
export const SHF_EXECINSTR = 0x4;
/** Mergeable. */
export const SHF_MERGE = 0x10;
/** NUL-terminated strings. */
export const SHF_STRINGS = 0x20;
/** Thread-local storage. */
export const SHF_TLS = 0x400;
/** Undefined section index. */
export const SHN_UNDEF = 0;
/** First reserved section index. */
export const SHN_LORESERVE = 0xff00;
/** Absolute symbol. */
export const SHN_ABS = 0xfff1;
/** Common symbol. */
export const SHN_COMMON = 0xfff2;
/** Escape: the real index is elsewhere (section 0's sh_link for e_shstrndx). */
export const SHN_XINDEX = 0xffff;

// ---- symbols --------------------------------------------------------------------------------
/** Type not specified. */
export const STT_NOTYPE = 0;
/** Data object. */
export const STT_OBJECT = 1;
/** Function. */
export const STT_FUNC = 2;
/** Section. */
export const STT_SECTION = 3;
/** Source file. */
export const STT_FILE = 4;
/** Uninitialised common block. */
export const STT_COMMON = 5;
/** Thread-local object. */
export const STT_TLS = 6;
/** GNU indirect function. */
export const STT_GNU_IFUNC = 10;
/** Local binding. */
export const STB_LOCAL = 0;
/** Global binding. */
export const STB_GLOBAL = 1;
/** Weak binding. */
export const STB_WEAK = 2;
/** Default visibility. */
export const STV_DEFAULT = 0;
/** Internal visibility. */
export const STV_INTERNAL = 1;
/** Hidden visibility. */
export const STV_HIDDEN = 2;
/** Protected visibility. */
export const STV_PROTECTED = 3;

// ---- record sizes ---------------------------------------------------------------------------
/** sizeof(Elf64_Ehdr). */
export const ELF64_EHDR_SIZE = 64;
/** sizeof(Elf64_Phdr). */
export const ELF64_PHDR_SIZE = 56;
/** sizeof(Elf64_Shdr). */
export const ELF64_SHDR_SIZE = 64;
/** sizeof(Elf64_Sym). */
export const ELF64_SYM_SIZE = 24;
