import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { DateTimeScalar, JsonScalar } from './scalars';
import type { Resolver } from './selectionTypes';
import { listOf, nonNull } from './typeWrappers';

/** Resolvers of export and import (injected, src/transfer). */
export interface TransferResolvers {
  readonly exportRecords: Resolver;
  readonly importRecords: Resolver;
}

const enumOf = (name: string, values: readonly string[], description: string) =>
  new GraphQLEnumType({ name, description, values: Object.fromEntries(values.map((v) => [v, { value: v }])) });

/** `exportRecords` and `importRecords` (contract section 7), apart: a role may get one without the other. */
export function transferFields(resolvers: TransferResolvers): Record<'exports' | 'imports', GraphQLFieldConfigMap<unknown, unknown>> {
  const format = enumOf('ExportFormat', ['CSV', 'JSONL', 'XLSX'], 'File format of an export.');
  const csvOptions = new GraphQLInputObjectType({
    name: 'CsvOptions',
    fields: {
      delimiter: { type: GraphQLString, defaultValue: ',', description: '",", ";" (German Excel) or a tab.' },
      bom: { type: GraphQLBoolean, defaultValue: false, description: 'Start with a UTF-8 byte order mark, which Excel needs to read umlauts.' },
    },
  });
  const exportType = new GraphQLObjectType({
    name: 'Export',
    fields: {
      id: { type: nonNull(GraphQLID) },
      url: { type: nonNull(GraphQLString), description: 'GET it with the same bearer token; the file is streamed as it is read.' },
      format: { type: nonNull(format) },
      columns: { type: listOf(GraphQLString) },
      expiresAt: { type: nonNull(DateTimeScalar) },
    },
  });
  const mode = enumOf('ImportMode', ['DRY_RUN', 'ALL_OR_NOTHING', 'SKIP_BAD_ROWS'], 'How an import writes.');
  const importError = new GraphQLObjectType({
    name: 'ImportError',
    fields: {
      line: { type: nonNull(GraphQLInt), description: 'The file line where the record starts; the header is line 1.' },
      column: { type: GraphQLString, description: 'The header of the column; null when the row as a whole is wrong.' },
      message: { type: nonNull(GraphQLString) },
    },
  });
  const duplicate = new GraphQLObjectType({
    name: 'PossibleDuplicate',
    fields: {
      line: { type: nonNull(GraphQLInt) },
      fields: { type: listOf(GraphQLString), description: 'The fields that agree, e.g. name and postalCode.' },
      otherLine: { type: GraphQLInt, description: 'An earlier line of the file that agrees.' },
      existingId: { type: GraphQLID, description: 'A stored record that agrees.' },
    },
  });
  const report = new GraphQLObjectType({
    name: 'ImportReport',
    fields: {
      mode: { type: nonNull(mode) },
      rows: { type: nonNull(GraphQLInt) },
      inserted: { type: nonNull(GraphQLInt), description: 'Records inserted (a dry run: that would be).' },
      updated: { type: nonNull(GraphQLInt) },
      skipped: { type: nonNull(GraphQLInt) },
      written: { type: nonNull(GraphQLBoolean), description: 'False for a dry run and for an all-or-nothing import refused for bad rows.' },
      errorCount: { type: nonNull(GraphQLInt) },
      errors: { type: listOf(importError), description: 'The first 1,000 bad cells and rows.' },
      possibleDuplicates: { type: listOf(duplicate) },
    },
  });
  return {
    exports: {
      exportRecords: {
        type: nonNull(exportType),
        args: {
          type: { type: nonNull(GraphQLString) },
          where: { type: JsonScalar, description: 'A condition as in selections.' },
          selection: { type: GraphQLID },
          snapshot: { type: GraphQLID, description: 'The frozen members of a snapshot, e.g. for a mailing.' },
          columns: { type: listOf(GraphQLString), description: 'Field paths such as name or company.name.' },
          format: { type: format, defaultValue: 'CSV' },
          csv: { type: csvOptions },
        },
        resolve: resolvers.exportRecords,
      },
    },
    imports: {
      importRecords: {
        type: nonNull(report),
        args: {
          type: { type: nonNull(GraphQLString) },
          upload: { type: nonNull(GraphQLID), description: 'The id POST /uploads answered.' },
          mapping: { type: JsonScalar, description: 'Header to field path (company.name) or null to leave a column out.' },
          mode: { type: mode, defaultValue: 'DRY_RUN' },
          upsertKey: { type: GraphQLString, description: 'id or a unique field: rows whose key is stored update that record.' },
        },
        resolve: resolvers.importRecords,
      },
    },
  };
}

