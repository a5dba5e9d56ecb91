namespace Alarming.Core.Validation;

/// <summary>A value or the <see cref="ApiError"/> that prevented it.</summary>
public readonly record struct Result<T>(T? Value, ApiError? Error)
{
    public bool Failed => Error is not null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(ApiError error) => new(default, error);
}
