using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Dangjian.Data;

/// <summary>
/// Writes new rows of one mapped type straight through the context's connection and open transaction, every mapped
/// column as the model maps it (value converters applied: enums as their names), without the change tracker: one
/// prepared INSERT per row on SQLite, binary COPY on PostgreSQL. For <see cref="DangjianDbContext.InsertAuditedAsync{T}"/>
/// only, which gives the rows their keys and audit entries.
/// </summary>
internal abstract class BulkRows
{
    public static BulkRows For(DatabaseFacade database) =>
        database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? new PostgresRows(database) : new SqliteRows(database);

    /// <summary>The next <paramref name="count"/> values of an identity key, reserved so no other writer takes them.</summary>
    public abstract Task<IReadOnlyList<long>> NextKeysAsync(IEntityType type, IProperty key, int count, CancellationToken ct);

    public abstract Task WriteAsync<T>(IEntityType type, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class;

    /// <summary>Whether the database refused a row for a unique index (an ID number someone added meanwhile).</summary>
    public abstract bool IsUniqueViolation(DbException e);

    protected static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected static (string Table, List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> Columns) Layout(IEntityType type)
    {
        var table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties()
            .Select(p => (p, p.GetColumnName(store) ?? p.Name, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var qualified = type.GetSchema() is { } schema ? Quote(schema) + "." + Quote(table) : Quote(table);
        return (qualified, columns);
    }

    /// <summary>The value as the database stores it: through the property's value converter, nulls as DBNull.</summary>
    protected static object ProviderValue(IProperty p, RelationalTypeMapping mapping, object entity)
    {
        var value = p.GetGetter().GetClrValueUsingContainingEntity(entity);
        if (value is not null && mapping.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value ?? DBNull.Value;
    }

    private sealed class SqliteRows(DatabaseFacade database) : BulkRows
    {
        public override async Task<IReadOnlyList<long>> NextKeysAsync(IEntityType type, IProperty key, int count, CancellationToken ct)
        {
            // The transaction holds SQLite's write lock (Microsoft.Data.Sqlite begins IMMEDIATE): nobody else takes these.
            // An AUTOINCREMENT table never reuses a key, so the counter in sqlite_sequence counts as well as the largest row.
            var (table, _) = Layout(type);
            var column = Quote(key.GetColumnName());
            await using var cmd = Command();
            cmd.CommandText = $"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = {table.Replace('"', '\'')}), 0), coalesce((SELECT max({column}) FROM {table}), 0))";
            var last = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return Enumerable.Range(1, count).Select(i => last + i).ToList();
        }

        public override Task WriteAsync<T>(IEntityType type, IReadOnlyList<T> rows, CancellationToken ct)
        {
            var (table, columns) = Layout(type);
            using var cmd = Command();
            cmd.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => Quote(c.Column)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(cmd, "@p" + i, null, c.Property.IsNullable)).ToArray();
            cmd.Parameters.AddRange(parameters);
            cmd.Prepare();
            var n = 0;
            foreach (var row in rows)
            {
                if (++n % 1000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = ProviderValue(columns[i].Property, columns[i].Mapping, row);
                }

                // Microsoft.Data.Sqlite runs every command synchronously; the async form would only add its overhead here.
                cmd.ExecuteNonQuery();
            }

            return Task.CompletedTask;
        }

        public override bool IsUniqueViolation(DbException e) =>
            e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

        private DbCommand Command()
        {
            var cmd = database.GetDbConnection().CreateCommand();
            cmd.Transaction = database.CurrentTransaction?.GetDbTransaction();
            return cmd;
        }
    }

    private sealed class PostgresRows(DatabaseFacade database) : BulkRows
    {
        public override async Task<IReadOnlyList<long>> NextKeysAsync(IEntityType type, IProperty key, int count, CancellationToken ct)
        {
            var (table, _) = Layout(type);
            await using var cmd = (NpgsqlCommand)database.GetDbConnection().CreateCommand();
            cmd.Transaction = (NpgsqlTransaction?)database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = "SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count)";
            cmd.Parameters.AddWithValue("table", table);
            cmd.Parameters.AddWithValue("column", key.GetColumnName());
            cmd.Parameters.AddWithValue("count", count);
            var keys = new List<long>(count);
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    keys.Add(reader.GetInt64(0));
                }
            }

            keys.Sort();
            return keys;
        }

        public override async Task WriteAsync<T>(IEntityType type, IReadOnlyList<T> rows, CancellationToken ct)
        {
            var (table, columns) = Layout(type);
            var connection = (NpgsqlConnection)database.GetDbConnection();
            // COPY runs in the connection's open transaction: a rollback takes these rows back too.
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(c.Column)))}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var (property, _, mapping) in columns)
                {
                    await WriteValueAsync(copy, ProviderValue(property, mapping, row), ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        public override bool IsUniqueViolation(DbException e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

        private static Task WriteValueAsync(NpgsqlBinaryImporter copy, object value, CancellationToken ct) => value switch
        {
            DBNull => copy.WriteNullAsync(ct),
            string s => copy.WriteAsync(s, NpgsqlDbType.Text, ct),
            int i => copy.WriteAsync(i, NpgsqlDbType.Integer, ct),
            long l => copy.WriteAsync(l, NpgsqlDbType.Bigint, ct),
            bool b => copy.WriteAsync(b, NpgsqlDbType.Boolean, ct),
            decimal d => copy.WriteAsync(d, NpgsqlDbType.Numeric, ct),
            DateOnly d => copy.WriteAsync(d, NpgsqlDbType.Date, ct),
            DateTimeOffset t => copy.WriteAsync(t, NpgsqlDbType.TimestampTz, ct),
            _ => throw new NotSupportedException($"Bulk COPY of a {value.GetType().Name} column is not mapped."),
        };
    }
}
