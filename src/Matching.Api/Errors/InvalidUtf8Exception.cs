using System.Text.Json;

namespace Mentoring.Matching.Api.Errors;

/// <summary>A JSON body holds a name or text that is not valid UTF-8; the message names where (a 400).</summary>
internal sealed class InvalidUtf8Exception(string message, string path) : JsonException(message, path, null, null);
