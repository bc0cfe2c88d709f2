using System.Text.Json;

namespace Mentoring.Matching.Api.Idempotency;

/// <summary>The first answer to a key, as a retry gets it back: status, the headers that matter, and the body.</summary>
internal sealed record IdempotentAnswer(int Status, string? ContentType, string? Location, string? CacheControl, byte[] Body)
{
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static IdempotentAnswer FromBytes(byte[] bytes) =>
        JsonSerializer.Deserialize<IdempotentAnswer>(bytes) ?? throw new JsonException("An empty stored answer.");
}
