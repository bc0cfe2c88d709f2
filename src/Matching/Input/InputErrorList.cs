namespace Mentoring.Matching;

/// <summary>Collects errors up to a cap, so a badly broken file still yields a readable report.</summary>
internal sealed class InputErrorList
{
    /// <summary>Enough to correct a file in one pass; more would only bury the first ones.</summary>
    public const int MaxErrors = 200;

    private readonly List<InputError> _errors = [];

    public int Count => _errors.Count;

    public void Add(InputError error)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(error);
        }
    }

    public void AddRange(IEnumerable<InputError> errors)
    {
        foreach (var error in errors)
        {
            Add(error);
        }
    }

    /// <summary>True when an error already names this row and field.</summary>
    public bool Names(int? row, string? field) => _errors.Exists(e => e.Row == row && e.Field == field);

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new InvalidInputException(_errors.ToArray());
        }
    }
}
