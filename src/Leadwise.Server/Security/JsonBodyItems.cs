namespace Leadwise.Server.Security;

/// <summary>
/// Endpoint metadata: the JSON body is one item (an object) or an array of items, named <c>[i]</c> in problems (a single
/// object is <c>[0]</c>), as the endpoint's own validation names them. <see cref="IdProperty"/> is the property a client
/// knows an item by (e.g. <c>clientEventId</c>), quoted in a problem beside the index when the item has it.
/// </summary>
internal sealed class JsonBodyItems(string noun, string idProperty)
{
    /// <summary>What an item is, capitalised for the start of a message (<c>Event</c>).</summary>
    public string Noun { get; } = noun;

    public string IdProperty { get; } = idProperty;
}
