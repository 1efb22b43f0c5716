import { hasUnsafeCharacters } from '@ecm365/shared';
import type { Db } from '../../db/database.js';
import { isValidSlug } from './tenant-host.js';
import { deleteTenant, findTenantBySlug, insertTenant, updateTenant } from './tenant.repository.js';
import type { TenantRow } from './tenant.table.js';

/** Ops' view of tenants (admin CLI): validated add, list, update, remove. */
export class TenantInputError extends Error {}

export interface TenantInput {
  slug: string;
  name: string;
  eloIxUrl: string;
  graceUntil?: string | null;
}

function checkEloUrl(value: string, requireHttps: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TenantInputError(`ELO IX URL "${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TenantInputError('ELO IX URL must be http(s)');
  if (requireHttps && url.protocol !== 'https:') {
    throw new TenantInputError('ELO IX URL must use https (passwords travel in the body)');
  }
  return url.href.replace(/\/+$/, '');
}

function checkName(value: string): string {
  const name = value.trim();
  if (!name) throw new TenantInputError('name must not be empty');
  if (hasUnsafeCharacters(name)) throw new TenantInputError('name must not contain control characters');
  return name;
}

function checkDate(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new TenantInputError(`grace date "${value}" must be YYYY-MM-DD`);
  }
  return value;
}

export class TenantAdminService {
  constructor(
    private readonly db: Db,
    private readonly options: { requireHttpsElo: boolean },
  ) {}

  async add(input: TenantInput): Promise<TenantRow> {
    const slug = input.slug.toLowerCase();
    if (!isValidSlug(slug) || slug === 'selfhost') {
      throw new TenantInputError(`slug "${input.slug}" must be a DNS label (a-z, 0-9, -) and not "selfhost"`);
    }
    const name = checkName(input.name);
    if (await findTenantBySlug(this.db, slug)) throw new TenantInputError(`tenant "${slug}" exists already`);
    return insertTenant(this.db, {
      slug,
      name,
      eloIxUrl: checkEloUrl(input.eloIxUrl, this.options.requireHttpsElo),
      graceUntil: checkDate(input.graceUntil) ?? null,
    });
  }

  async update(slug: string, changes: Partial<Omit<TenantInput, 'slug'>>): Promise<TenantRow> {
    const updated = await updateTenant(this.db, slug, {
      ...(changes.name !== undefined ? { name: checkName(changes.name) } : {}),
      ...(changes.eloIxUrl !== undefined
        ? { eloIxUrl: checkEloUrl(changes.eloIxUrl, this.options.requireHttpsElo) }
        : {}),
      ...(changes.graceUntil !== undefined ? { graceUntil: checkDate(changes.graceUntil) } : {}),
    });
    if (!updated) throw new TenantInputError(`tenant "${slug}" does not exist`);
    return updated;
  }

  /** Adds the tenant or brings it to the given settings (demo start-up runs this every time). */
  async upsert(input: TenantInput): Promise<TenantRow> {
    return (await findTenantBySlug(this.db, input.slug)) ? this.update(input.slug, input) : this.add(input);
  }

  async remove(slug: string): Promise<void> {
    if (!(await deleteTenant(this.db, slug))) throw new TenantInputError(`tenant "${slug}" does not exist`);
  }
}
