// Guest virtual memory: physical frames in one fixed ArrayBuffer, a two-level page table and a
// direct-mapped software TLB with separate read and write entries (shared/DESIGN.md "Memory").
// Page protections follow mmap(2)/mprotect(2); a bad access raises a GuestFault (SIGSEGV).

/** Guest page size (AT_PAGESZ). */
export const PAGE_SIZE = 4096;
export const PAGE_MASK = 4095;
/** User addresses are below 2^47 (Intel SDM Vol. 1 §3.3.7.1, canonical addresses). */
export const USER_LIMIT = 2 ** 47;

export const PROT_NONE = 0;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;

// Page-table entry bits. Entry 0 means unmapped; frame 0 is the shared zero page.
const E_PROT = 7;
const E_COW = 8;
const E_MAPPED = 16;
const E_CODE = 32; // decoded code lives in this page: writes go through the slow path
const E_SHARED = 64; // MAP_SHARED: fork shares the frame instead of copying it
const E_SHIFT = 7;

const TLB_BITS = 10;
const TLB_SIZE = 1 << TLB_BITS;
const TLB_MASK = TLB_SIZE - 1;
const DIR_BITS = 16; // pages per second-level table
const DIR_SIZE = 1 << DIR_BITS;

/** A guest memory fault; thrown as a preallocated object per address space. */
export class GuestFault {
  addr = 0;
  write = false;
  exec = false;
  /** SEGV_MAPERR (1) for an unmapped page, SEGV_ACCERR (2) for a protection violation. */
  code = 1;
}

/** Physical memory: refcounted 4 KiB frames carved from one fixed ArrayBuffer. */
export class PhysMem {
  readonly buf: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly dv: DataView;
  readonly refs: Int32Array;
  private free: number[] = [];
  private top = 1; // frame 0 is the zero page
  readonly frames: number;

  constructor(bytes = 2 ** 32 - PAGE_SIZE) {
    this.buf = new ArrayBuffer(bytes);
    this.u8 = new Uint8Array(this.buf);
    this.dv = new DataView(this.buf);
    this.frames = Math.floor(bytes / PAGE_SIZE);
    this.refs = new Int32Array(this.frames);
    this.refs[0] = 1 << 30;
  }

  /** Allocates one zero-filled frame. */
  alloc(): number {
    let f = this.free.pop();
    if (f === undefined) {
      if (this.top >= this.frames) throw new Error('exo: out of guest physical memory');
      f = this.top++;
    } else {
      this.u8.fill(0, f * PAGE_SIZE, f * PAGE_SIZE + PAGE_SIZE);
    }
    this.refs[f] = 1;
    return f;
  }

  /** Drops one reference to a frame. */
  release(f: number): void {
    if (f === 0) return;
    if (--this.refs[f] === 0) this.free.push(f);
  }
}

/** A mapping as /proc/self/maps shows it. */
export interface Vma {
  start: number;
  end: number;
  prot: number;
  shared: boolean;
  name: string;
}

/** One process's address space. Hot accessors are monomorphic and allocation-free. */
export class AddressSpace {
  readonly phys: PhysMem;
  private readonly dv: DataView;
  private readonly u8: Uint8Array;
  private dir = new Map<number, Int32Array>();
  private readonly rTag = new Float64Array(TLB_SIZE).fill(-1);
  private readonly rBase = new Int32Array(TLB_SIZE);
  private readonly wTag = new Float64Array(TLB_SIZE).fill(-1);
  private readonly wBase = new Int32Array(TLB_SIZE);
  readonly fault = new GuestFault();
  /** High 32 bits of the last read64. */
  hi = 0;
  /** Called when a page holding decoded code is written (page address). */
  onCodeWrite: (page: number) => void = () => {};
  vmas: Vma[] = [];
  brkStart = 0;
  brk = 0;
  mmapBase = 0x7f0000000000;

  constructor(phys: PhysMem) {
    this.phys = phys;
    this.dv = phys.dv;
    this.u8 = phys.u8;
  }

  // ---- page table -------------------------------------------------------------------------

  private entry(vpn: number): number {
    const t = this.dir.get(Math.floor(vpn / DIR_SIZE));
    return t === undefined ? 0 : t[vpn & (DIR_SIZE - 1)];
  }

  private setEntry(vpn: number, e: number): void {
    const d = Math.floor(vpn / DIR_SIZE);
    let t = this.dir.get(d);
    if (t === undefined) {
      if (e === 0) return;
      t = new Int32Array(DIR_SIZE);
      this.dir.set(d, t);
    }
    t[vpn & (DIR_SIZE - 1)] = e;
  }

  /** Flushes both TLBs (after any change of mappings or protections). */
  flushTlb(): void {
    this.rTag.fill(-1);
    this.wTag.fill(-1);
  }

  private flushPage(page: number): void {
    const idx = (page >>> 12) & TLB_MASK;
    if (this.rTag[idx] === page) this.rTag[idx] = -1;
    if (this.wTag[idx] === page) this.wTag[idx] = -1;
  }

  /** True when every page of [addr, addr+len) is mapped. */
  isMapped(addr: number, len: number): boolean {
    // Walk the (sorted, merged) VMA list rather than pages: a hostile length costs nothing.
    let cur = addr - (addr & PAGE_MASK);
    const end = addr + len;
    if (cur >= end) return true;
    for (const v of this.vmas) {
      if (v.end <= cur) continue;
      if (v.start > cur) return false;
      cur = v.end;
      if (cur >= end) return true;
    }
    return false;
  }

  /** Protection of the page containing addr, or -1 when unmapped. */
  protAt(addr: number): number {
    const e = this.entry(Math.floor(addr / PAGE_SIZE));
    return e === 0 ? -1 : e & E_PROT;
  }

  /** Maps [addr, addr+len) (page-aligned) as fresh zero pages, replacing what was there. */
  map(addr: number, len: number, prot: number, name = '', shared = false): void {
    this.unmapPages(addr, len);
    const flags = E_MAPPED | (prot & E_PROT) | (shared ? E_SHARED : 0);
    for (let p = addr; p < addr + len; p += PAGE_SIZE) this.setEntry(p / PAGE_SIZE, flags);
    this.vmaInsert({ start: addr, end: addr + len, prot, shared, name });
    this.flushTlb();
  }

  /** Unmaps [addr, addr+len) (page-aligned); unmapped holes are fine, as munmap(2). */
  unmap(addr: number, len: number): void {
    this.unmapPages(addr, len);
    this.vmaCut(addr, addr + len);
    this.flushTlb();
  }

  private unmapPages(addr: number, len: number): void {
    for (const v of this.vmas) {
      const lo = Math.max(v.start, addr), hi = Math.min(v.end, addr + len);
      if (lo < hi) this.unmapRange(lo, hi);
    }
  }

  private unmapRange(start: number, end: number): void {
    for (let p = start; p < end; p += PAGE_SIZE) {
      const vpn = p / PAGE_SIZE;
      const e = this.entry(vpn);
      if (e === 0) continue;
      if (e & E_CODE) this.onCodeWrite(p);
      this.phys.release(e >>> E_SHIFT);
      this.setEntry(vpn, 0);
    }
  }

  /** Changes protections; returns false if part of the range is unmapped (ENOMEM). */
  protect(addr: number, len: number, prot: number): boolean {
    if (!this.isMapped(addr, len)) return false;
    for (let p = addr; p < addr + len; p += PAGE_SIZE) {
      const vpn = p / PAGE_SIZE;
      const e = this.entry(vpn);
      if ((e & E_CODE) && !(prot & PROT_EXEC)) this.onCodeWrite(p);
      this.setEntry(vpn, (e & ~E_PROT & ~(prot & PROT_EXEC ? 0 : E_CODE)) | (prot & E_PROT));
    }
    for (const v of this.vmaSplit(addr, addr + len)) v.prot = prot;
    this.vmaMerge();
    this.flushTlb();
    return true;
  }

  /** Finds a free, page-aligned range of len bytes below mmapBase (top-down, like Linux). */
  findFree(len: number, hint = 0): number {
    if (hint && hint + len <= USER_LIMIT && this.rangeFree(hint, len)) return hint;
    let end = this.mmapBase;
    const sorted = [...this.vmas].sort((a, b) => b.start - a.start);
    for (const v of sorted) {
      if (v.start >= end) continue;
      if (v.end <= end - len) return end - len;
      end = Math.min(end, v.start);
    }
    return end - len >= 0x10000 ? end - len : -1;
  }

  private rangeFree(addr: number, len: number): boolean {
    for (const v of this.vmas) if (v.start < addr + len && addr < v.end) return false;
    return true;
  }

  // ---- VMA bookkeeping (slow paths only) -----------------------------------------------------

  private vmaCut(start: number, end: number): void {
    const out: Vma[] = [];
    for (const v of this.vmas) {
      if (v.end <= start || v.start >= end) { out.push(v); continue; }
      if (v.start < start) out.push({ ...v, end: start });
      if (v.end > end) out.push({ ...v, start: end });
    }
    this.vmas = out.sort((a, b) => a.start - b.start);
  }

  private vmaInsert(v: Vma): void {
    this.vmaCut(v.start, v.end);
    this.vmas.push(v);
    this.vmas.sort((a, b) => a.start - b.start);
    this.vmaMerge();
  }

  private vmaSplit(start: number, end: number): Vma[] {
    const inside: Vma[] = [];
    const out: Vma[] = [];
    for (const v of this.vmas) {
      if (v.end <= start || v.start >= end) { out.push(v); continue; }
      if (v.start < start) out.push({ ...v, end: start });
      if (v.end > end) out.push({ ...v, start: end });
      const mid = { ...v, start: Math.max(v.start, start), end: Math.min(v.end, end) };
      out.push(mid);
      inside.push(mid);
    }
    this.vmas = out.sort((a, b) => a.start - b.start);
    return inside;
  }

  private vmaMerge(): void {
    const out: Vma[] = [];
    for (const v of this.vmas) {
      const last = out[out.length - 1];
      if (last && last.end === v.start && last.prot === v.prot && last.shared === v.shared && last.name === v.name) {
        last.end = v.end;
      } else out.push(v);
    }
    this.vmas = out;
  }

  // ---- translation --------------------------------------------------------------------------

  private raise(addr: number, write: boolean, exec: boolean, code: number): never {
    const f = this.fault;
    f.addr = addr;
    f.write = write;
    f.exec = exec;
    f.code = code;
    throw f;
  }

  /** Physical byte offset of a readable address; fills the read TLB. */
  translateRead(addr: number): number {
    if (!(addr >= 0 && addr < USER_LIMIT)) this.raise(addr, false, false, 1);
    const off = addr & PAGE_MASK;
    const page = addr - off;
    const e = this.entry(page / PAGE_SIZE);
    if (e === 0) this.raise(addr, false, false, 1);
    if (!(e & PROT_READ)) this.raise(addr, false, false, 2);
    const base = (e >>> E_SHIFT) * PAGE_SIZE;
    const idx = (addr >>> 12) & TLB_MASK;
    this.rTag[idx] = page;
    this.rBase[idx] = base;
    return base + off;
  }

  /** Physical byte offset of a writable address: breaks copy-on-write, fills the write TLB. */
  translateWrite(addr: number): number {
    if (!(addr >= 0 && addr < USER_LIMIT)) this.raise(addr, true, false, 1);
    const off = addr & PAGE_MASK;
    const page = addr - off;
    const vpn = page / PAGE_SIZE;
    let e = this.entry(vpn);
    if (e === 0) this.raise(addr, true, false, 1);
    if (!(e & PROT_WRITE)) this.raise(addr, true, false, 2);
    let frame = e >>> E_SHIFT;
    if (frame === 0 || (e & E_COW)) {
      // Zero page or shared after fork: give this space its own frame (copy-on-write).
      if (frame !== 0 && this.phys.refs[frame] === 1) {
        e &= ~E_COW;
      } else {
        const nf = this.phys.alloc();
        if (frame !== 0) {
          this.u8.copyWithin(nf * PAGE_SIZE, frame * PAGE_SIZE, frame * PAGE_SIZE + PAGE_SIZE);
          this.phys.release(frame);
        }
        frame = nf;
        e = (e & ((1 << E_SHIFT) - 1) & ~E_COW) | (nf << E_SHIFT);
      }
      this.setEntry(vpn, e);
      this.flushPage(page);
    }
    if (e & E_CODE) {
      this.onCodeWrite(page);
      e &= ~E_CODE;
      this.setEntry(vpn, e);
    }
    const base = frame * PAGE_SIZE;
    const idx = (addr >>> 12) & TLB_MASK;
    this.wTag[idx] = page;
    this.wBase[idx] = base;
    this.rTag[idx] = page;
    this.rBase[idx] = base;
    return base + off;
  }

  /** Checks that an instruction fetch at addr is allowed and marks the page as holding code. */
  fetchCheck(addr: number): void {
    if (!(addr >= 0 && addr < USER_LIMIT)) this.raise(addr, false, true, 1);
    const vpn = Math.floor(addr / PAGE_SIZE);
    const e = this.entry(vpn);
    if (e === 0) this.raise(addr, false, true, 1);
    if (!(e & PROT_EXEC)) this.raise(addr, false, true, 2);
    if (!(e & E_CODE)) {
      this.setEntry(vpn, e | E_CODE);
      this.flushPage(vpn * PAGE_SIZE);
    }
  }

  // ---- hot accessors ------------------------------------------------------------------------

  read8(addr: number): number {
    const idx = (addr >>> 12) & TLB_MASK;
    const off = addr & PAGE_MASK;
    if (this.rTag[idx] === addr - off) return this.u8[this.rBase[idx] + off];
    return this.u8[this.translateRead(addr)];
  }

  read16(addr: number): number {
    const idx = (addr >>> 12) & TLB_MASK;
    const off = addr & PAGE_MASK;
    if (this.rTag[idx] === addr - off && off <= 4094) return this.dv.getUint16(this.rBase[idx] + off, true);
    if (off <= 4094) return this.dv.getUint16(this.translateRead(addr), true);
    return this.read8(addr) | (this.read8(addr + 1) << 8);
  }

  read32(addr: number): number {
    const idx = (addr >>> 12) & TLB_MASK;
    const off = addr & PAGE_MASK;
    if (this.rTag[idx] === addr - off && off <= 4092) return this.dv.getInt32(this.rBase[idx] + off, true);
    if (off <= 4092) return this.dv.getInt32(this.translateRead(addr), true);
    return this.read16(addr) | (this.read16(addr + 2) << 16);
  }

  /** Reads 64 bits: returns the low half, leaves the high half in `hi`. */
  read64(addr: number): number {
    const idx = (addr >>> 12) & TLB_MASK;
    const off = addr & PAGE_MASK;
    if (this.rTag[idx] === addr - off && off <= 4088) {
      const p = this.rBase[idx] + off;
      this.hi = this.dv.getInt32(p + 4, true);
      return this.dv.getInt32(p, true);
    }
    const lo = this.read32(addr);
    this.hi = this.read32(addr + 4);
    return lo;
  }

  write8(addr: number, v: number): void {
    const idx = (addr >>> 12) & TLB_MASK;
    const off = addr & PAGE_MASK;
    if (this.wTag[idx] === addr - off) { this.u8[this.wBase[idx] + off] = v; return; }
    this.u8[this.translateWrite(addr)] = v;
  }

  write16(addr: number, v: number): void {
    const idx = (addr >>> 12) & TLB_MASK;
    const off = addr & PAGE_MASK;
    if (this.wTag[idx] === addr - off && off <= 4094) { this.dv.setUint16(this.wBase[idx] + off, v, true); return; }
    if (off <= 4094) { this.dv.setUint16(this.translateWrite(addr), v, true); return; }
    this.translateWrite(addr + 1); // fault before any byte is written
    this.write8(addr, v);
    this.write8(addr + 1, v >>> 8);
  }

  write32(addr: number, v: number): void {
    const idx = (addr >>> 12) & TLB_MASK;
    const off = addr & PAGE_MASK;
    if (this.wTag[idx] === addr - off && off <= 4092) { this.dv.setInt32(this.wBase[idx] + off, v, true); return; }
    if (off <= 4092) { this.dv.setInt32(this.translateWrite(addr), v, true); return; }
    this.translateWrite(addr + 3);
    this.write16(addr, v);
    this.write16(addr + 2, v >>> 16);
  }

  write64(addr: number, lo: number, hi: number): void {
    const idx = (addr >>> 12) & TLB_MASK;
    const off = addr & PAGE_MASK;
    if (this.wTag[idx] === addr - off && off <= 4088) {
      const p = this.wBase[idx] + off;
      this.dv.setInt32(p, lo, true);
      this.dv.setInt32(p + 4, hi, true);
      return;
    }
    this.translateWrite(addr + 7);
    this.write32(addr, lo);
    this.write32(addr + 4, hi);
  }

  /** Reads a float64 (for SSE/x87 loads). */
  readF64(addr: number): number {
    const lo = this.read64(addr);
    F64I[0] = lo;
    F64I[1] = this.hi;
    return F64[0];
  }

  /** Writes a float64. */
  writeF64(addr: number, v: number): void {
    F64[0] = v;
    this.write64(addr, F64I[0], F64I[1]);
  }

  // ---- bulk access (syscalls, loader, accelerated routines) ---------------------------------

  /** Copies guest bytes out; faults like the CPU would. */
  readBytes(addr: number, len: number, out?: Uint8Array): Uint8Array {
    const dst = out ?? new Uint8Array(len);
    let done = 0;
    while (done < len) {
      const a = addr + done;
      const p = this.translateRead(a);
      const n = Math.min(len - done, PAGE_SIZE - (a & PAGE_MASK));
      dst.set(this.u8.subarray(p, p + n), done);
      done += n;
    }
    return dst;
  }

  /** Copies bytes into guest memory; faults like the CPU would (page by page). */
  writeBytes(addr: number, src: Uint8Array): void {
    let done = 0;
    while (done < src.length) {
      const a = addr + done;
      const p = this.translateWrite(a);
      const n = Math.min(src.length - done, PAGE_SIZE - (a & PAGE_MASK));
      this.u8.set(src.subarray(done, done + n), p);
      done += n;
    }
  }

  /** Writes bytes ignoring page protections (loader only: filling read-only segments). */
  pokeBytes(addr: number, src: Uint8Array): void {
    let done = 0;
    while (done < src.length) {
      const a = addr + done;
      const off = a & PAGE_MASK;
      const vpn = (a - off) / PAGE_SIZE;
      const e = this.entry(vpn);
      if (e === 0) this.raise(a, true, false, 1);
      const saved = e;
      this.setEntry(vpn, (e | PROT_WRITE));
      const p = this.translateWrite(a);
      this.setEntry(vpn, (this.entry(vpn) & ~E_PROT) | (saved & E_PROT));
      const n = Math.min(src.length - done, PAGE_SIZE - off);
      this.u8.set(src.subarray(done, done + n), p);
      done += n;
    }
    this.flushTlb();
  }

  /** Reads a NUL-terminated string (at most max bytes); returns null if unterminated. */
  readCString(addr: number, max = 4096): Uint8Array | null {
    const bytes: number[] = [];
    for (let i = 0; i < max; i++) {
      const b = this.read8(addr + i);
      if (b === 0) return Uint8Array.from(bytes);
      bytes.push(b);
    }
    return null;
  }

  /** A copy-on-write duplicate of this address space (fork). */
  fork(): AddressSpace {
    const child = new AddressSpace(this.phys);
    for (const [d, t] of this.dir) {
      for (let i = 0; i < DIR_SIZE; i++) {
        let e = t[i];
        if (e === 0) continue;
        let frame = e >>> E_SHIFT;
        if (frame === 0 && (e & E_SHARED)) {
          // An untouched MAP_SHARED page must become one frame both processes see.
          frame = this.phys.alloc();
          e = (e & ((1 << E_SHIFT) - 1)) | (frame << E_SHIFT);
          t[i] = e;
        }
        if (frame !== 0) {
          this.phys.refs[frame]++;
          if (!(e & E_SHARED)) e |= E_COW;
          t[i] = e;
        }
      }
      const ct = new Int32Array(t);
      for (let i = 0; i < DIR_SIZE; i++) ct[i] &= ~E_CODE;
      child.dir.set(d, ct);
    }
    child.vmas = this.vmas.map((v) => ({ ...v }));
    child.brkStart = this.brkStart;
    child.brk = this.brk;
    child.mmapBase = this.mmapBase;
    this.flushTlb();
    return child;
  }

  /** Releases every frame (exit or execve). */
  destroy(): void {
    for (const t of this.dir.values()) {
      for (let i = 0; i < DIR_SIZE; i++) if (t[i] !== 0) this.phys.release(t[i] >>> E_SHIFT);
    }
    this.dir.clear();
    this.vmas = [];
    this.flushTlb();
  }
}

const F64 = new Float64Array(1);
const F64I = new Int32Array(F64.buffer);
