using System.Security.Cryptography;
using System.Text;
using Alarming.Core.Alarms;
using Alarming.Storage.Tables;

namespace Alarming.Storage.Alarms;

/// <summary>Which partition of the alarms table holds an alarm: its project, split in 16 by the
/// alarm's name. An alarm, the row claiming its name, its outbox rows and a share of the project's
/// usage counters live together, so a write stays one transaction, while a point operation works on
/// a sixteenth of the project (Azurite scans the whole partition for each; Azure spreads the load).</summary>
/// <remarks>The key is the encoded project id, <c>%</c> and a letter <c>g</c>…<c>v</c>: encoded ids
/// have <c>%</c> only before two hex digits, so no project's range holds another's partitions.</remarks>
public static class AlarmPartition
{
    public static string Of(string? projectId, string? name) => TableKey.Encode(projectId) + "%" + (char)('g' + NameHash(name)[0] % 16);

    public static string Of(Alarm alarm) => Of(alarm.ProjectId, alarm.Name);

    /// <summary>An OData filter matching every partition of the project.</summary>
    public static string ProjectFilter(string? projectId)
    {
        var project = TableKey.Encode(projectId);
        return $"PartitionKey ge {TableKey.Quote(project + "%g")} and PartitionKey lt {TableKey.Quote(project + "%w")}";
    }

    public static bool IsOfProject(string partition, string? projectId)
    {
        var project = TableKey.Encode(projectId);
        return partition.Length == project.Length + 2 && partition.StartsWith(project + "%", StringComparison.Ordinal);
    }

    /// <remarks>Names may hold any character and be long; a hash keeps keys short and legal.</remarks>
    public static byte[] NameHash(string? name) => SHA256.HashData(Encoding.UTF8.GetBytes(name ?? ""));
}
