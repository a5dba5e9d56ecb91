using System.Security.Cryptography;
using System.Text;

namespace Alarming.Core.Metrics;

/// <summary>Gnocchi's resource-id transform: a UUID is kept (lower case), any other string
/// becomes UUIDv5(namespace, text + NUL + creator), so it resolves relative to the caller.</summary>
public static class ResourceIds
{
    private static readonly Guid Namespace = Guid.Parse("0a7a15ff-aa13-4ac2-897c-9bdf30ce175b");

    public static bool TryResolve(string id, string creator, out Guid resolved)
    {
        resolved = Guid.Empty;
        if (id.Length == 0 || id.Length > 255 || id.Contains('/'))
        {
            return false;
        }
        if (Guid.TryParse(id, out resolved))
        {
            return true;
        }
        resolved = Version5(Namespace, id + "\0" + creator);
        return true;
    }

    private static Guid Version5(Guid ns, string name)
    {
        var namespaceBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
