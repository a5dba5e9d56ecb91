namespace Alarming.Core.Validation;

/// <summary>An expected failure with its HTTP status and Aodh's exact faultstring.</summary>
public sealed record ApiError(int Status, string Message)
{
    public static ApiError BadRequest(string message) => new(400, message);
    public static ApiError Unauthorized(string message) => new(401, message);
    public static ApiError Forbidden(string message) => new(403, message);
    public static ApiError NotFound(string message) => new(404, message);
    public static ApiError Conflict(string message) => new(409, message);

    public static ApiError RbacFailed() => Forbidden("RBAC Authorization Failed");
    public static ApiError NotAuthorizedProject(string? projectId) => Unauthorized($"Not Authorized to access project {projectId}");
    public static ApiError NotAuthorizedUser(string? userId) => Unauthorized($"Not Authorized to access user {userId}");
    public static ApiError AlarmNotFound(string alarmId) => NotFound($"Alarm {alarmId} not found");

    /// <summary>WSME's message for a query argument that does not convert.</summary>
    public static ApiError NotConvertible(string? value, string type) => BadRequest($"Unable to convert the value {value} to the expected data type {type}.");

    /// <summary>WSME's <c>InvalidInput</c> message.</summary>
    public static ApiError InvalidInput(string field, string value, string reason) =>
        BadRequest($"Invalid input for field/attribute {field}. Value: '{value}'. {reason}");

    public static ApiError MandatoryMissing(string field) => InvalidInput(field, "None", "Mandatory field missing.");

    public static ApiError UnknownAttributes(string argument, IReadOnlyCollection<string> names) => BadRequest(
        names.Count == 1
            ? $"Unknown attribute for argument {argument}: {names.First()}"
            : $"Unknown attributes for argument {argument}: {string.Join(", ", names)}");
}

/// <summary>Thrown inside a parser to stop at the first error; caught at the parser's edge and
/// turned back into a value, so callers only ever see <see cref="ApiError"/> results.</summary>
public sealed class ApiErrorException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}
