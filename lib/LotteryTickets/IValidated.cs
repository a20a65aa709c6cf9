namespace LotteryTickets;

/// <summary>
/// A record whose constraints are declared on its properties — the <see cref="ConstraintAttribute"/>s,
/// <see cref="NotEmptyAttribute"/>, <see cref="DistinctAttribute"/>, and by their types: a reference that is not
/// nullable must be set, an enum must hold a named value, a nested <see cref="IValidated"/> is checked in turn —
/// and checked once, by <see cref="Validation.Check{T}"/>, where work enters the library (scikit-learn's
/// <c>_parameter_constraints</c>). Nested calls trust checked input.
/// </summary>
public interface IValidated
{
    /// <summary>Checks that relate two or more properties (e.g. K ≤ N), run after every property's own constraints
    /// hold; throws an <see cref="ArgumentException"/> naming the property. Default: none.</summary>
    void CheckRelations() { }
}
