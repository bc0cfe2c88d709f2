using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mentoring.Matching.Api.Tests;

/// <summary>JWT bearer by configuration: tokens issued here with a shared key, as the university's identity provider would.</summary>
public sealed class JwtTests(JwtTests.JwtFactory factory) : IClassFixture<JwtTests.JwtFactory>
{
    private const string Issuer = "https://login.example.ac.uk/";

    private const string Audience = "mentoring-api";

    private const string RoleClaim = "groups";

    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public async Task A_coordinators_token_does_everything_and_the_audit_names_its_subject()
    {
        var client = factory.WithToken(Token(("sub", "staff-4711"), (RoleClaim, "coordinator")));

        var cohort = (await (await client.PostAsync("/cohorts", Scenario.CohortBody(TestData.TinyPolicy))).ExpectAsync(HttpStatusCode.Created))!;

        var audit = (await (await client.GetAsync($"/audit?cohortId={cohort["id"]}")).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("jwt:staff-4711", (string?)audit["items"]![0]!["actor"]);
    }

    [Fact]
    public async Task An_analysts_token_reads_reports_and_nothing_else()
    {
        var client = factory.WithToken(Token(("sub", "analyst-1"), (RoleClaim, "analyst")));

        await (await client.GetAsync("/reports")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/audit")).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_without_a_role_of_this_api_is_401()
    {
        await (await factory.WithToken(Token(("sub", "x"), (RoleClaim, "student"))).GetAsync("/reports")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.WithToken(Token(("sub", "x"))).GetAsync("/reports")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_for_another_audience_or_expired_is_401()
    {
        var role = (RoleClaim, "coordinator");
        await (await factory.WithToken(Sign(key: RandomNumberGenerator.GetBytes(32), claims: role)).GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.WithToken(Sign(audience: "another-api", claims: role)).GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.WithToken(Sign(issuer: "https://evil.example/", claims: role)).GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.WithToken(Sign(expires: ApiFactory.Now.AddMinutes(-10), claims: role)).GetAsync("/cohorts")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.WithToken(Sign(expires: ApiFactory.Now.AddMinutes(10), claims: role)).GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_keys_still_work_beside_tokens()
    {
        await (await factory.Coordinator().GetAsync("/cohorts")).ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, "c2hvcnQ=", null, "Mentoring:Jwt:Audience must name this API")]
    [InlineData("mentoring-api", null, null, "Mentoring:Jwt:Authority (the identity provider's address) or Mentoring:Jwt:SigningKey")]
    [InlineData("mentoring-api", "c2hvcnQ=", null, "Mentoring:Jwt:SigningKey must be base64 of at least 32 bytes")]
    [InlineData("mentoring-api", "not base64!", null, "Mentoring:Jwt:SigningKey must be base64 of at least 32 bytes")]
    [InlineData("mentoring-api", null, "http://login.example.ac.uk/", "Mentoring:Jwt:Authority must be an https address")]
    public void A_bad_jwt_setting_stops_the_start_naming_it(string? audience, string? signingKey, string? authority, string message)
    {
        var failure = new Hosting.MentoringSettingsValidation().Validate(null, new Hosting.MentoringSettings
        {
            Jwt = new() { Issuer = Issuer, Audience = audience, SigningKey = signingKey, Authority = authority },
        });

        Assert.Contains(message, failure.FailureMessage, StringComparison.Ordinal);
    }

    private static string Token(params (string Type, string Value)[] claims) => Sign(claims: claims);

    private static string Sign(
        byte[]? key = null, string audience = Audience, string issuer = Issuer, DateTimeOffset? expires = null, params (string Type, string Value)[] claims)
    {
        var at = expires ?? ApiFactory.Now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            IssuedAt = at.AddHours(-2).UtcDateTime,
            NotBefore = at.AddHours(-2).UtcDateTime,
            Expires = at.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    public sealed class JwtFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mentoring:Jwt:Issuer", Issuer);
            builder.UseSetting("Mentoring:Jwt:Audience", Audience);
            builder.UseSetting("Mentoring:Jwt:SigningKey", Convert.ToBase64String(SigningKey));
            builder.UseSetting("Mentoring:Jwt:RoleClaim", RoleClaim);
        }
    }
}
