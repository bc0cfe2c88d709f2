namespace Mentoring.Matching;

/// <summary>
/// The input cannot be matched as it stands. Carries every error found, so a whole file can be
/// corrected in one pass rather than one error at a time.
/// </summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    public InvalidInputException(IReadOnlyList<InputError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single error.</summary>
    public InvalidInputException(InputError error)
        : this([error])
    {
    }

    /// <summary>Every error found, in input order.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    private static string Describe(IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid input needs at least one error.", nameof(errors));
        }

        return errors.Count == 1
            ? errors[0].ToString()
            : $"{errors[0]} (and {errors.Count - 1} more error{(errors.Count == 2 ? "" : "s")})";
    }
}
