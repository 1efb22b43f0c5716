import { BASIC_MASK, FILENAME_LINE, FOLDER_MASK, type EloMaskFixture } from './archive-fixtures.js';

export interface MaskLine {
  id: number;
  key: string;
  label: string;
  max: number;
  required: boolean;
}

export interface Mask {
  id: number;
  name: string;
  guid: string;
  lines: MaskLine[];
}

function guidFor(id: number): string {
  return `(00000000-0000-4000-9000-${id.toString(16).toUpperCase().padStart(12, '0')})`;
}

function toMask(fixture: EloMaskFixture): Mask {
  const keys = new Set<string>();
  const lines = fixture.lines.map((line, index) => {
    const key = line.key.toUpperCase();
    if (keys.has(key) || key === FILENAME_LINE.key) {
      throw new Error(`ELO fixture: mask "${fixture.name}" has the group "${line.key}" twice`);
    }
    if (!Number.isSafeInteger(line.max) || line.max <= 0) {
      throw new Error(`ELO fixture: line "${line.key}" of mask "${fixture.name}" needs a positive max`);
    }
    keys.add(key);
    return { id: index, key: line.key, label: line.label ?? line.key, max: line.max, required: line.required ?? false };
  });
  return { id: fixture.id, name: fixture.name, guid: fixture.guid ?? guidFor(fixture.id), lines };
}

/** The masks of one repository: the built-in basic and folder masks plus the fixture's. */
export class MaskCatalog {
  private readonly masks = new Map<number, Mask>();

  constructor(fixtures: EloMaskFixture[] = []) {
    for (const fixture of [BASIC_MASK, FOLDER_MASK, ...fixtures]) {
      if (this.masks.has(fixture.id)) throw new Error(`ELO fixture: mask id ${fixture.id} is used twice`);
      if (this.find(fixture.name)) throw new Error(`ELO fixture: mask name "${fixture.name}" is used twice`);
      this.masks.set(fixture.id, toMask(fixture));
    }
  }

  /** A mask by numeric id, GUID or name (names compare case-insensitively), as ELO's maskId parameters allow. */
  find(ref: unknown): Mask | undefined {
    if (typeof ref === 'number') return this.masks.get(ref);
    if (typeof ref !== 'string') return undefined;
    const value = ref.trim();
    if (/^-?\d+$/.test(value)) return this.masks.get(Number(value));
    const wanted = value.toLowerCase();
    return [...this.masks.values()].find(
      (mask) => mask.guid.toLowerCase() === wanted || mask.name.toLowerCase() === wanted,
    );
  }

  get(id: number): Mask {
    const mask = this.masks.get(id);
    if (!mask) throw new Error(`unknown mask id ${id}`);
    return mask;
  }

  /** The longest value a group accepts in a mask, or undefined when the mask has no such line. */
  lineOf(mask: Mask, group: string): { id: number; key: string; max: number } | undefined {
    const wanted = group.toUpperCase();
    if (wanted === FILENAME_LINE.key) return FILENAME_LINE;
    return mask.lines.find((line) => line.key.toUpperCase() === wanted);
  }
}
