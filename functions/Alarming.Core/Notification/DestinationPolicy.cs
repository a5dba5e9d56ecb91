using System.Net;
using System.Net.Sockets;

namespace Alarming.Core.Notification;

/// <summary>Which addresses a webhook may connect to: public ones, plus whatever the operator's
/// allow-list names (CIDRs or host names). Loopback, link-local (cloud metadata included),
/// private, shared, unique-local, multicast and unspecified addresses are refused otherwise.</summary>
public sealed class DestinationPolicy
{
    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network"; 0.0.0.0 reaches the local host
        IPNetwork.Parse("10.0.0.0/8"),       // RFC 1918
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space (carrier NAT, some metadata services)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, 169.254.169.254 metadata
        IPNetwork.Parse("172.16.0.0/12"),    // RFC 1918
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.168.0.0/16"),   // RFC 1918
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("224.0.0.0/3"),      // multicast, reserved, broadcast
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("64:ff9b::/96"),     // NAT64 of IPv4 (may embed a private address)
        IPNetwork.Parse("fc00::/7"),         // unique local (fd00:ec2::254 metadata)
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private readonly IReadOnlyList<IPNetwork> allowedNetworks;
    private readonly HashSet<string> allowedHosts;

    private DestinationPolicy(IReadOnlyList<IPNetwork> networks, HashSet<string> hosts)
    {
        allowedNetworks = networks;
        allowedHosts = hosts;
    }

    /// <summary>Reads the allow-list: comma-separated CIDRs (<c>127.0.0.0/8</c>), single
    /// addresses or host names; blanks are ignored.</summary>
    public static DestinationPolicy Parse(string? allowList)
    {
        var networks = new List<IPNetwork>();
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (allowList ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                hosts.Add(entry.TrimEnd('.'));
            }
        }
        return new DestinationPolicy(networks, hosts);
    }

    /// <summary>True when the URL's host name itself is allow-listed: any address it resolves to may be used.</summary>
    public bool AllowsHost(string host) => allowedHosts.Contains(host.TrimEnd('.'));

    public bool Allows(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return allowedNetworks.Any(n => n.Contains(address)) || !Blocked.Any(n => n.Contains(address));
    }
}
