namespace OrleansBooking.Api.OpenApi;

/// <summary>Which problem <c>code</c>s an endpoint answers with under one status; shown in the OpenAPI document.</summary>
public sealed record ProblemCodesMetadata(int Status, IReadOnlyList<string> Codes);
