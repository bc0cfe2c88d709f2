using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Hosting;

/// <summary>
/// The sizes of <see cref="RequestLimitSettings"/>, applied before anything parses a body: an endpoint that reads
/// people uploads (and the web app's pages, whose forms carry files) takes up to
/// <see cref="RequestLimitSettings.MaxUploadBytes"/>, every other endpoint up to
/// <see cref="RequestLimitSettings.MaxJsonBodyBytes"/>; a larger body is refused with 413 problem details.
/// </summary>
internal static class RequestSizeLimits
{
    private const string Title = "Payload too large";

    /// <summary>The piece read at a time while a body of unknown length is buffered.</summary>
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Marks an endpoint that reads people uploads, so it gets the upload limit.</summary>
    public static TBuilder ReadsUploads<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(UploadEndpoint.Instance);

    /// <summary>The 413 an endpoint answers for a body over <paramref name="limit"/> bytes.</summary>
    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(Detail(limit), statusCode: StatusCodes.Status413PayloadTooLarge, title: Title);

    /// <summary>Refuses a body over its endpoint's limit; runs after routing has chosen the endpoint.</summary>
    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<MentoringSettings>>().Value.Limits;
        var metadata = context.GetEndpoint()?.Metadata;
        var takesUploads = metadata?.GetMetadata<UploadEndpoint>() is not null || metadata?.GetMetadata<PageActionDescriptor>() is not null;
        long limit = takesUploads ? limits.MaxUploadBytes : limits.MaxJsonBodyBytes;

        // Kestrel then refuses a streamed body of unknown length as it passes the limit (a 413 when read).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        var request = context.Request;
        var unknownLength = request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false;
        if (request.ContentLength > limit || (unknownLength && !takesUploads && !await BufferAsync(context, limit)))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = Title, Detail = Detail(limit) },
            });
            return;
        }

        await next(context);
    });

    private static string Detail(long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"The body is larger than this endpoint reads: at most {limit:N0} bytes.");

    /// <summary>
    /// Reads a body of unknown length into memory up to the limit, so what follows reads a body of known size
    /// on any server; false, having read no further, when it is larger.
    /// </summary>
    private static async Task<bool> BufferAsync(HttpContext context, long limit)
    {
        var buffer = new MemoryStream();
        context.Response.RegisterForDispose(buffer);
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        return true;
    }

    /// <summary>The metadata <see cref="ReadsUploads"/> adds.</summary>
    private sealed class UploadEndpoint
    {
        public static readonly UploadEndpoint Instance = new();
    }
}
