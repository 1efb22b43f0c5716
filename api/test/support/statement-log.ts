import {
  PostgresQueryCompiler,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * A Kysely plugin that keeps the SQL of every query the app sends through it (builder and `sql` templates alike):
 * give the test app `db.withPlugin(log)` and count or inspect what a request ran.
 */
export class StatementLog implements KyselyPlugin {
  readonly texts: string[] = [];
  private readonly compiler = new PostgresQueryCompiler();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.texts.push(this.compiler.compileQuery(args.node, args.queryId).sql);
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }

  /** The statements sent while `work` runs, in order. */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    const from = this.texts.length;
    await work();
    return this.texts.slice(from);
  }
}
