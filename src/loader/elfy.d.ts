// Types for the parts of elfy 1.0.0 (lib/elfy/parser.js) the loader calls: the ELF header and
// the program headers. Section parsing (wrong sh_addralign/sh_entsize offsets, TypeError on
// e_shoff = 0) is deliberately left undeclared so nobody calls it (shared/DESIGN.md).
declare module 'elfy' {
  namespace elfy {
    /** Header as elfy returns it; `type` and `machine` are names, undefined when unknown. */
    interface ElfyHeader {
      class: string;
      endian: string;
      type: string | undefined;
      machine: string | undefined;
      version: number;
      entry: number;
      phoff: number;
      shoff: number;
      flags: number;
      ehsize: number;
      phentsize: number;
      phnum: number;
      shentsize: number;
      shnum: number;
      shstrndx: number;
    }

    /** Program header as elfy returns it; `type` is a name, `flags` a set of names ('r','w','x'). */
    interface ElfyProgram {
      type: string | undefined;
      offset: number;
      vaddr: number;
      paddr: number;
      filesz: number;
      memsz: number;
      flags: Record<string, boolean>;
      align: number;
      data: Buffer;
    }

    /** The parser; parseHeader must be called first (it sets the word size and endianness). */
    class Parser {
      parseHeader(buf: Buffer): ElfyHeader;
      parsePrograms(buf: Buffer, header: ElfyHeader): ElfyProgram[];
    }
  }
  export = elfy;
}
