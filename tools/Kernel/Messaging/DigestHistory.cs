namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// The signatures of the messages already accepted, as jupyter_client's Session keeps its digest_history: a signed
/// message seen twice is a replay (someone who captured traffic sending it again) and is refused. Bounded: past
/// <see cref="Capacity"/> signatures the oldest are forgotten (a replay that old is harmless next to the memory).
/// </summary>
public sealed class DigestHistory
{
    public const int Capacity = 1 << 16;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Records <paramref name="signature"/>; false when it was already recorded (a replay).</summary>
    public bool Add(string signature)
    {
        if (!_seen.Add(signature)) return false;
        _order.Enqueue(signature);
        if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
        return true;
    }
}
