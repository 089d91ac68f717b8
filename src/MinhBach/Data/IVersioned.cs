namespace MinhBach.Data;

/// <summary>
/// A row that people edit through a form. <see cref="Version"/> is the row's concurrency token: AppDb increments it
/// on every update, and an update or delete that was based on an older read changes nothing and fails
/// (DbUpdateConcurrencyException), so a second editor's save becomes a conflict instead of an overwrite.
/// </summary>
public interface IVersioned
{
    int Id { get; }

    /// <summary>Incremented on every save; a form carries the value it was loaded with.</summary>
    int Version { get; set; }
}
