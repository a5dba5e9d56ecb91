using System.Buffers.Binary;
using System.Globalization;
using Alarming.Core.Metrics;
using Azure.Data.Tables;

namespace Alarming.Storage.Metrics;

/// <summary>One metric's measures of one UTC hour as a row of the <c>measures</c> table:
/// PartitionKey = metric id (<c>N</c>) + <c>_</c> + UTC day (<c>yyyyMMdd</c>), RowKey = the hour's
/// start ticks (19 digits), the points in binary columns <c>P0</c>, <c>P1</c>, ... and their number
/// in <c>Count</c>. A point is 16 bytes, its UTC ticks then its value, both little endian; the points
/// are sorted by time, one per timestamp.</summary>
internal static class MeasureBlock
{
    public const int PointBytes = 16;

    /// <remarks>A binary property holds at most 64 KiB.</remarks>
    public const int PointsPerColumn = 64 * 1024 / PointBytes;

    /// <remarks>An entity holds at most 1 MiB, which Azurite measures on the JSON body, where binary
    /// travels as base64 (a third larger): 11 full columns fit, 12 do not.</remarks>
    public const int MaxPoints = 11 * PointsPerColumn;

    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    private const string CountColumn = "Count";

    /// <summary>The start of the block holding <paramref name="timestamp"/>.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset timestamp) =>
        new(timestamp.UtcTicks - timestamp.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    public static string Partition(Guid metricId, DateTimeOffset hour) =>
        metricId.ToString("N") + "_" + hour.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string RowKey(DateTimeOffset hour) => hour.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The points of <paramref name="stored"/> then <paramref name="added"/> in time order, one per
    /// timestamp: a later point replaces an earlier one at its timestamp, as a later write does in Gnocchi.</summary>
    public static IReadOnlyList<Measure> Merge(IEnumerable<Measure> stored, IEnumerable<Measure> added)
    {
        var byTicks = new SortedDictionary<long, double>();
        foreach (var measure in stored.Concat(added))
        {
            byTicks[measure.Timestamp.UtcTicks] = measure.Value;
        }
        return byTicks.Select(p => new Measure(new DateTimeOffset(p.Key, TimeSpan.Zero), p.Value)).ToList();
    }

    /// <summary>The row of the block of <paramref name="hour"/> holding <paramref name="points"/>, which are
    /// sorted and unique as <see cref="Merge"/> returns them.</summary>
    /// <exception cref="MeasureBlockFullException">More than <see cref="MaxPoints"/> points.</exception>
    public static TableEntity ToRow(Guid metricId, DateTimeOffset hour, IReadOnlyList<Measure> points)
    {
        if (points.Count > MaxPoints)
        {
            throw new MeasureBlockFullException(metricId, hour, points.Count, MaxPoints);
        }
        var row = new TableEntity(Partition(metricId, hour), RowKey(hour)) { [CountColumn] = points.Count };
        var column = 0;
        foreach (var chunk in points.Chunk(PointsPerColumn))
        {
            var bytes = new byte[chunk.Length * PointBytes];
            for (var i = 0; i < chunk.Length; i++)
            {
                var point = bytes.AsSpan(i * PointBytes, PointBytes);
                BinaryPrimitives.WriteInt64LittleEndian(point, chunk[i].Timestamp.UtcTicks);
                BinaryPrimitives.WriteDoubleLittleEndian(point[8..], chunk[i].Value);
            }
            row[Column(column++)] = bytes;
        }
        return row;
    }

    /// <summary>How many points the row holds, read without its columns.</summary>
    public static int Count(TableEntity row) => row.GetInt32(CountColumn) ?? 0;

    /// <summary>The row's points, in time order.</summary>
    public static IReadOnlyList<Measure> Points(TableEntity row)
    {
        var points = new List<Measure>(Count(row));
        for (var column = 0; row.GetBinary(Column(column)) is { } bytes; column++)
        {
            for (var offset = 0; offset + PointBytes <= bytes.Length; offset += PointBytes)
            {
                var point = bytes.AsSpan(offset, PointBytes);
                points.Add(new Measure(new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(point), TimeSpan.Zero),
                    BinaryPrimitives.ReadDoubleLittleEndian(point[8..])));
            }
        }
        return points;
    }

    private static string Column(int index) => "P" + index.ToString(CultureInfo.InvariantCulture);
}
